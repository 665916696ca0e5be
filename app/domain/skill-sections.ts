/**
 * The life-skills page in short sections (issue 14): one collapsible section per domain with its own
 * progress and how many items nobody has answered yet, and a few suggested items for the young person's
 * phase first. Pure: no I/O.
 */
import type { Phase } from "./phase";
import { DOMAINS, type Domain, type SkillState } from "./vocabulary";

/** What matters most in each phase, in the order a young person meets it (catalogue keys). */
export const SUGGESTED_SKILLS: Record<Phase, readonly string[]> = {
  preparation: [
    "doLaundry",
    "usePublicTransport",
    "managePocketMoney",
    "knowStudyOptions",
    "knowEmergencyNumbers",
    "cookWeekMeals",
    "knowMyStrengths",
    "staySafeOnline",
  ],
  transition: [
    "getIdDocument",
    "openBankAccount",
    "makeMonthlyBudget",
    "findRentalAd",
    "registerFamilyDoctor",
    "knowCareLeaverGuarantees",
    "writeCv",
    "declareResidence",
  ],
  aftercare: ["payBillsOnline", "signTenancy", "readMeters", "contactSocialService", "bookDoctorAppointment", "searchForJobs", "avoidQuickLoans", "askForHelp"],
  closed: [],
};

/** How many suggested items the page shows at once: the rest stay in their sections. */
export const SUGGESTED_MAX = 5;

export interface SkillLike {
  key: string;
  domain: Domain;
  state: SkillState;
  /** false: nobody has marked it yet (shown as "not answered", not as "not yet"). */
  answered: boolean;
}

export interface SkillSection<S extends SkillLike> {
  domain: Domain;
  items: S[];
  canDo: number;
  /** Items that count: all but "not relevant to me". */
  relevant: number;
  unanswered: number;
}

export function skillSections<S extends SkillLike>(items: readonly S[]): SkillSection<S>[] {
  return DOMAINS.map((domain) => {
    const ofDomain = items.filter((i) => i.domain === domain);
    return {
      domain,
      items: ofDomain,
      canDo: ofDomain.filter((i) => i.state === "can_do").length,
      relevant: ofDomain.filter((i) => i.state !== "not_relevant").length,
      unanswered: ofDomain.filter((i) => !i.answered).length,
    };
  }).filter((s) => s.items.length > 0);
}

/** The phase's suggested items still open (not "I can do it", not "not relevant"), at most SUGGESTED_MAX. */
export function suggestedSkills<S extends SkillLike>(items: readonly S[], phase: Phase): S[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return SUGGESTED_SKILLS[phase]
    .map((key) => byKey.get(key))
    .filter((i): i is S => Boolean(i) && i!.state !== "can_do" && i!.state !== "not_relevant")
    .slice(0, SUGGESTED_MAX);
}
