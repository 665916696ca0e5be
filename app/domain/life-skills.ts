/**
 * The life-skills checklist shipped with Tilts (SPEC.md, "The plan"): practical things a young person leaving
 * care in Latvia should be able to do, grouped by the seven domains. The wording lives in the locale files
 * (`skills.items.<key>`); an organisation may add its own items on top of this catalogue. Keys are stored in
 * the database, so never rename or reuse one: retire it instead. Pure: no I/O.
 */
import type { Domain } from "./vocabulary";

export interface LifeSkill {
  key: string;
  domain: Domain;
}

export const LIFE_SKILLS: readonly LifeSkill[] = [
  // housing
  { key: "findRentalAd", domain: "housing" },
  { key: "viewFlat", domain: "housing" },
  { key: "signTenancy", domain: "housing" },
  { key: "applyHousingSupport", domain: "housing" },
  { key: "furnishHome", domain: "housing" },
  { key: "readMeters", domain: "housing" },
  { key: "useAppliances", domain: "housing" },
  { key: "doLaundry", domain: "housing" },
  { key: "cleanHome", domain: "housing" },
  { key: "basicRepairs", domain: "housing" },
  { key: "sortWaste", domain: "housing" },
  { key: "reportHomeProblem", domain: "housing" },
  { key: "homeSafety", domain: "housing" },
  { key: "usePublicTransport", domain: "housing" },

  // education
  { key: "knowStudyOptions", domain: "education" },
  { key: "enrolInCourse", domain: "education" },
  { key: "applyForStipend", domain: "education" },
  { key: "applyForDormitory", domain: "education" },
  { key: "organiseStudyTime", domain: "education" },
  { key: "useStudySystems", domain: "education" },
  { key: "askTeacherForHelp", domain: "education" },
  { key: "sayLearningNeeds", domain: "education" },
  { key: "useLibrary", domain: "education" },
  { key: "combineStudyAndWork", domain: "education" },
  { key: "findFreeCourses", domain: "education" },
  { key: "getCertificateCopy", domain: "education" },

  // health
  { key: "registerFamilyDoctor", domain: "health" },
  { key: "bookDoctorAppointment", domain: "health" },
  { key: "useDoctorAdviceLine", domain: "health" },
  { key: "knowEmergencyNumbers", domain: "health" },
  { key: "buyPrescriptionMedicine", domain: "health" },
  { key: "useEHealthPortal", domain: "health" },
  { key: "firstAid", domain: "health" },
  { key: "cookWeekMeals", domain: "health" },
  { key: "planHealthyMeals", domain: "health" },
  { key: "sexualHealth", domain: "health" },
  { key: "mentalHealthHelp", domain: "health" },
  { key: "substanceRisks", domain: "health" },

  // finances
  { key: "managePocketMoney", domain: "finances" },
  { key: "makeMonthlyBudget", domain: "finances" },
  { key: "shopOnBudget", domain: "finances" },
  { key: "openBankAccount", domain: "finances" },
  { key: "payBillsOnline", domain: "finances" },
  { key: "saveRegularly", domain: "finances" },
  { key: "understandPayslip", domain: "finances" },
  { key: "knowSocialAllowances", domain: "finances" },
  { key: "claimTaxRefund", domain: "finances" },
  { key: "avoidQuickLoans", domain: "finances" },
  { key: "handleDebt", domain: "finances" },
  { key: "avoidScams", domain: "finances" },

  // employment
  { key: "knowMyStrengths", domain: "employment" },
  { key: "getCareerAdvice", domain: "employment" },
  { key: "searchForJobs", domain: "employment" },
  { key: "registerWithNva", domain: "employment" },
  { key: "knowYouthJobPrograms", domain: "employment" },
  { key: "writeCv", domain: "employment" },
  { key: "writeMotivationLetter", domain: "employment" },
  { key: "jobInterview", domain: "employment" },
  { key: "knowEmploymentRights", domain: "employment" },
  { key: "avoidUndeclaredWork", domain: "employment" },
  { key: "workSafely", domain: "employment" },
  { key: "keepJob", domain: "employment" },

  // legal
  { key: "getIdDocument", domain: "legal" },
  { key: "declareResidence", domain: "legal" },
  { key: "useEServices", domain: "legal" },
  { key: "keepDocumentsSafe", domain: "legal" },
  { key: "writeOfficialApplication", domain: "legal" },
  { key: "contactSocialService", domain: "legal" },
  { key: "knowCareLeaverGuarantees", domain: "legal" },
  { key: "knowOrphansCourt", domain: "legal" },
  { key: "understandContract", domain: "legal" },
  { key: "freeLegalAdvice", domain: "legal" },
  { key: "knowRightsWithPolice", domain: "legal" },
  { key: "getHelpWithViolence", domain: "legal" },

  // psychosocial
  { key: "keepInTouch", domain: "psychosocial" },
  { key: "makeFriends", domain: "psychosocial" },
  { key: "healthyRelationships", domain: "psychosocial" },
  { key: "handleConflict", domain: "psychosocial" },
  { key: "sayNo", domain: "psychosocial" },
  { key: "askForHelp", domain: "psychosocial" },
  { key: "knowHelplines", domain: "psychosocial" },
  { key: "manageStress", domain: "psychosocial" },
  { key: "knowMyStory", domain: "psychosocial" },
  { key: "speakUpInMeetings", domain: "psychosocial" },
  { key: "enjoyFreeTime", domain: "psychosocial" },
  { key: "staySafeOnline", domain: "psychosocial" },
];

const CATALOGUE_KEYS: ReadonlySet<string> = new Set(LIFE_SKILLS.map((skill) => skill.key));

export function isCatalogueSkill(key: string): boolean {
  return CATALOGUE_KEYS.has(key);
}
