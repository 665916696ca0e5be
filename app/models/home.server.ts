/** What each role's home page shows: one function per role, picked by the user's role. */
import { can, type Actor } from "~/domain/policy";
import { PHASES, type Phase } from "~/domain/phase";
import { getOrganisation, organisationMembers, type OrganisationMember } from "./organisations.server";
import { expiringDocuments } from "~/domain/documents";
import { planDocumentRows } from "./documents.server";
import { ensurePlan, planOverview } from "./plans.server";
import {
  carerYoungPeople,
  getCaseCard,
  getCaseSubject,
  mentorMentees,
  organisationCases,
  specialistCaseload,
  youthRecordId,
  type CaseCard,
} from "./young-people.server";

export type YouthHome = ReturnType<typeof youthHome>;

/** The young person's home: their phase, people, next steps and the seven domains of their plan. */
function youthHome(actor: Actor, today: string) {
  const id = youthRecordId(actor);
  const subject = id ? getCaseSubject(id) : null;
  const card = id ? getCaseCard(actor, id, today) : null;
  if (!id || !subject || !card) return null;
  const planId = ensurePlan(id).id;
  const overview = planOverview(planId, today);
  const mayEdit = can(actor, "plan.edit", subject, today);
  return {
    card,
    nextSteps: overview.next.slice(0, 3).map((s) => ({ ...s, canTick: mayEdit })),
    expiring: expiringDocuments(planDocumentRows(planId), today),
    domains: overview.domains,
  };
}

export type Home =
  | { role: "youth"; youth: YouthHome | null }
  | { role: "mentor"; mentees: CaseCard[] }
  | { role: "specialist"; caseload: CaseCard[] }
  | { role: "carer"; youngPeople: CaseCard[] }
  | { role: "lead"; organisationName: string; cases: CaseCard[]; byPhase: Record<Phase, number> }
  | { role: "admin"; organisationName: string; members: OrganisationMember[] };

function countByPhase(cases: CaseCard[]): Record<Phase, number> {
  const counts = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  for (const c of cases) counts[c.summary.phase] += 1;
  return counts;
}

export function homeFor(actor: Actor, today: string): Home {
  switch (actor.role) {
    case "youth":
      return { role: "youth", youth: youthHome(actor, today) };
    case "mentor":
      return { role: "mentor", mentees: mentorMentees(actor, today) };
    case "specialist":
      return { role: "specialist", caseload: specialistCaseload(actor, today) };
    case "carer":
      return { role: "carer", youngPeople: carerYoungPeople(actor, today) };
    case "lead": {
      const cases = organisationCases(actor, today);
      const organisationName = getOrganisation(actor.organisationId)?.name ?? "";
      return { role: "lead", organisationName, cases, byPhase: countByPhase(cases) };
    }
    case "admin":
      return {
        role: "admin",
        organisationName: getOrganisation(actor.organisationId)?.name ?? "",
        members: organisationMembers(actor.organisationId),
      };
  }
}
