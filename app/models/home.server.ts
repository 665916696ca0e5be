/** What each role's home page shows: one function per role, picked by the user's role. */
import { dutiesToConfirm, type DutiesToConfirm } from "./budget.server";
import { mentorNeed, type MentorNeed, type RhythmState } from "~/domain/mentoring";
import { viewerOf, type Actor } from "~/domain/policy";
import type { Phase } from "~/domain/phase";
import { caseListQueryOf, type CaseListQuery } from "~/domain/case-list";
import { leadCaseLists } from "./lead-home.server";
import { getOrganisation, organisationMembers, type OrganisationMember } from "./organisations.server";
import { expiringDocuments } from "~/domain/documents";
import { planDocumentRows } from "./documents.server";
import { mentorDashboard, nextMentorMeeting, rhythmsFor, type MentorDashboard } from "./mentorships.server";
import { helpForLead, helpForMentor } from "./help.server";
import { specialistWorklist } from "./worklist.server";
import { wellbeingDue } from "./wellbeing.server";
import { DEFAULT_LEAVER_MONTHS, type LeaverMonths, type WorklistSection } from "~/domain/worklist";
import { feltHeardCounts, reviewDueOf, reviewDueOfStates, reviewStates, reviewWorklistEntriesOf, youthReviewCard, type ReviewState } from "./reviews.server";
import { feltHeardRate, type ReviewDue } from "~/domain/reviews";
import { ensurePlan, findStep, planOverview } from "./plans.server";
import { planProgress } from "./progress.server";
import { newFormToken } from "~/utils/http.server";
import { tickReward, weekSummary } from "~/domain/progress";
import { carerYoungPeople, getCaseCard, getCaseSubject, specialistCaseload, youthRecordId, type CaseCard } from "./young-people.server";

export type YouthHome = ReturnType<typeof youthHome>;

/** What a one-tap "short call today" log needs: today's date and a one-time form token. */
export interface QuickLog {
  today: string;
  token: string;
}

/** The young person's home: their phase, people, next steps and the seven domains of their plan. */
function youthHome(actor: Actor, today: string, tickedStepId: string | null = null) {
  const id = youthRecordId(actor);
  const subject = id ? getCaseSubject(id) : null;
  const viewer = subject ? viewerOf(actor, subject, today) : null;
  const card = id ? getCaseCard(actor, id, today) : null;
  if (!id || !viewer || !card) return null;
  const planId = ensurePlan(id).id;
  const overview = planOverview(planId, today);
  const mayEdit = viewer.actions.has("plan.edit");
  const nextMeeting = nextMentorMeeting(id, today);
  const progress = planProgress(planId, today);
  return {
    card,
    nextSteps: overview.next.slice(0, 3).map((s) => ({ ...s, canTick: mayEdit })),
    expiring: expiringDocuments(planDocumentRows(planId), today),
    domains: overview.domains,
    nextMeeting,
    wellbeingDue: viewer.actions.has("wellbeing.check") && wellbeingDue(id, today),
    review: youthReviewCard(id, today),
    // Issue 14: the week at a glance, and what the step just ticked moved (app/domain/progress.ts).
    week: weekSummary({ today, ...progress, nextMeeting, mentorName: card.mentor?.displayName ?? null }),
    stepsDone: progress.counts.reduce((n, c) => n + c.done, 0),
    stepsTotal: progress.counts.reduce((n, c) => n + c.total, 0),
    reward: tickedStepId ? tickReward(findStep(planId, tickedStepId), progress.counts) : null,
  };
}

/** A staff list of records with each one's contact rhythm and who needs a mentor found. */
export interface CaseOversight {
  rhythms: Record<string, RhythmState>;
  needsMentor: Array<{ card: CaseCard; need: NonNullable<MentorNeed> }>;
  /** Issue 11: "review overdue by N days" on each row. */
  reviewsDue?: Record<string, ReviewDue>;
}

function needsMentorOf(cases: CaseCard[], today: string): CaseOversight["needsMentor"] {
  return cases.flatMap((card) => {
    const need = mentorNeed(card.summary.mentoringWindow, card.mentor !== null, today);
    return need ? [{ card, need }] : [];
  });
}

function oversight(actor: Actor, cases: CaseCard[], today: string, reviews: ReadonlyMap<string, ReviewState>): CaseOversight {
  const ids = cases.map((c) => c.id);
  return { rhythms: rhythmsFor(actor.organisationId, ids, today), needsMentor: needsMentorOf(cases, today), reviewsDue: reviewDueOfStates(reviews) };
}

export type Home =
  | { role: "youth"; youth: YouthHome | null }
  | { role: "mentor"; dashboard: MentorDashboard; help: ReturnType<typeof helpForMentor>; quickLog: QuickLog }
  | ({ role: "specialist"; caseload: CaseCard[]; worklist: WorklistSection[]; leaverMonths: LeaverMonths } & CaseOversight)
  | { role: "carer"; youngPeople: CaseCard[]; dutiesToConfirm: DutiesToConfirm }
  | ({
      role: "lead";
      organisationName: string;
      cases: CaseCard[];
      caseCount: number;
      /** How many records the (phase-filtered) list has; `cases` is one page of them. */
      listed: number;
      query: CaseListQuery;
      needsMentorCount: number;
      byPhase: Record<Phase, number>;
      help: ReturnType<typeof helpForLead>;
      feltHeard?: ReturnType<typeof feltHeardRate>;
    } & CaseOversight)
  | { role: "admin"; organisationName: string; members: OrganisationMember[] };

export interface HomeOptions {
  /** The lead's home: the page and phase filter of its lists (app/domain/case-list.ts). */
  caseList?: CaseListQuery;
  /** The step the young person just ticked (its reward on the home, issue 14). */
  tickedStepId?: string | null;
  /** The worklist's leavers filter (3, 6 or 12 months). */
  leaverMonths?: LeaverMonths;
}

export function homeFor(actor: Actor, today: string, options: HomeOptions = {}): Home {
  switch (actor.role) {
    case "youth":
      return { role: "youth", youth: youthHome(actor, today, options.tickedStepId) };
    case "mentor": {
      const dashboard = mentorDashboard(actor, today);
      // "A short call today" on each mentee card (issue 14): the contact form's fields, filled in.
      return {
        role: "mentor",
        dashboard,
        help: helpForMentor(
          actor.id,
          dashboard.mentees.map((m) => m.youngPersonId),
        ),
        quickLog: { today, token: newFormToken() },
      };
    }
    case "specialist": {
      const caseload = specialistCaseload(actor, today);
      // Read once for the rows' "review overdue" and the worklist's review items.
      const states = reviewStates(
        caseload.map((c) => c.id),
        today,
      );
      const seen = oversight(actor, caseload, today, states);
      const leaverMonths = options.leaverMonths ?? DEFAULT_LEAVER_MONTHS;
      const reviews = reviewWorklistEntriesOf(states, today);
      return {
        role: "specialist",
        caseload,
        ...seen,
        leaverMonths,
        worklist: specialistWorklist(actor, caseload, seen.rhythms, today, { leaverMonths, reviews }),
      };
    }
    case "carer":
      return { role: "carer", youngPeople: carerYoungPeople(actor, today), dutiesToConfirm: dutiesToConfirm(actor.id, today) };
    case "lead": {
      const lists = leadCaseLists(actor, today, options.caseList ?? caseListQueryOf(new URLSearchParams()));
      const shownIds = lists.cases.map((c) => c.id);
      return {
        role: "lead",
        organisationName: getOrganisation(actor.organisationId)?.name ?? "",
        cases: lists.cases,
        caseCount: lists.counts.total,
        listed: lists.listed,
        query: lists.query,
        byPhase: lists.counts.byPhase,
        rhythms: rhythmsFor(actor.organisationId, shownIds, today),
        reviewsDue: reviewDueOf(shownIds, today),
        needsMentor: lists.needsMentor,
        needsMentorCount: lists.counts.needsMentor,
        help: helpForLead(actor.id),
        feltHeard: feltHeardRate(feltHeardCounts(actor.organisationId)),
      };
    }
    case "admin":
      return {
        role: "admin",
        organisationName: getOrganisation(actor.organisationId)?.name ?? "",
        members: organisationMembers(actor.organisationId),
      };
  }
}
