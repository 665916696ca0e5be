/**
 * Demo plans in Latvian, so the demo shows a plan in use: goals in the young person's words, steps
 * ticked and overdue, comments, readiness ratings over time by the young person and an adult, plan B.
 * Written with their history entries, as if people had made them over the past months.
 */
import { randomUUID } from "node:crypto";
import { addDays, type IsoDate } from "../app/domain/dates";
import { isCatalogueSkill } from "../app/domain/life-skills";
import type { DocumentKind, DocumentStatus, Domain, GoalStatus, Owner, SkillState } from "../app/domain/vocabulary";
import { and, eq } from "drizzle-orm";
import type { TiltsDatabase } from "./connection";
import { goalComments, goals, planDocuments, planDomains, planEvents, readinessRatings, skillStates, steps } from "./schema";

type Tx = Parameters<Parameters<TiltsDatabase["transaction"]>[0]>[0];

interface DemoStep {
  title: string;
  owner?: Owner;
  /** Due relative to today, in days. */
  due?: number;
  done?: boolean;
}

interface DemoGoal {
  domain: Domain;
  title: string;
  why?: string;
  owner?: Owner;
  due?: number;
  status: GoalStatus;
  steps: DemoStep[];
  comment?: { by: "mentor" | "specialist" | "youth" | "carer"; body: string };
}

export interface DemoPlan {
  goals: DemoGoal[];
  planB?: Partial<Record<Domain, string>>;
  /** Readiness over time: [days ago, domain, youth value, adult value]. */
  ratings: Array<[number, Domain, number, number]>;
  /** Documents: [kind, status, expires in days (or null), label]. */
  documents?: Array<[DocumentKind, DocumentStatus, number | null, string?]>;
  /** Life-skill states: [catalogue key, state, confirmed by]. */
  skills?: Array<[string, SkillState, "youth" | "mentor" | "specialist" | "carer"]>;
}

export const TRANSITION_PLAN: DemoPlan = {
  goals: [
    {
      domain: "housing",
      title: "Atrast istabu vai dzīvokli Bauskā līdz aprūpes beigām",
      why: "Gribu dzīvot tuvu tehnikumam un darbam, nevis braukt katru dienu.",
      due: 200,
      status: "in_progress",
      steps: [
        { title: "Uzrakstīt iesniegumu pašvaldībai par dzīvokli", owner: "youth", due: -40, done: true },
        { title: "Apskatīt 3 sludinājumus kopā ar mentoru", owner: "mentor", due: 10 },
        { title: "Sarēķināt, cik varu maksāt par īri mēnesī", owner: "youth", due: 5 },
        { title: "Uzzināt par vienreizējo pabalstu sadzīves priekšmetiem", owner: "specialist", due: -3 },
      ],
      comment: { by: "mentor", body: "Sestdien varam aizbraukt apskatīt to istabu Slimnīcas ielā." },
    },
    {
      domain: "finances",
      title: "Atvērt savu bankas kontu un kartīti",
      why: "Lai kabatas nauda un stipendija nāk uz manu kontu.",
      due: -20,
      status: "done",
      steps: [
        { title: "Paņemt ID karti un aiziet uz banku", owner: "youth", due: -30, done: true },
        { title: "Iestatīt internetbanku telefonā", owner: "youth", due: -25, done: true },
      ],
    },
    {
      domain: "finances",
      title: "Trīs mēnešus pierakstīt visus savus tēriņus",
      why: "Gribu saprast, kur pazūd nauda.",
      due: 60,
      status: "in_progress",
      steps: [
        { title: "Pierakstīt tēriņus oktobrī", owner: "youth", due: -25, done: true },
        { title: "Pierakstīt tēriņus novembrī", owner: "youth", due: 5 },
        { title: "Kopā ar audžumammu salīdzināt ar budžetu", owner: "carer", due: 15 },
      ],
    },
    {
      domain: "education",
      title: "Pabeigt 3. kursu tehnikumā bez parādiem",
      owner: "youth",
      due: 190,
      status: "in_progress",
      steps: [
        { title: "Nokārtot matemātikas ieskaiti", owner: "youth", due: -10 },
        { title: "Pieteikties stipendijai nākamajam semestrim", owner: "youth", due: 30 },
      ],
      comment: { by: "specialist", body: "Ieskaiti var kārtot atkārtoti decembrī, es sarunāšu ar skolotāju." },
    },
    {
      domain: "health",
      title: "Pierakstīties pie ģimenes ārsta Bauskā",
      due: 45,
      status: "planned",
      steps: [{ title: "Atrast ārstu, kas pieņem jaunus pacientus", owner: "youth", due: 20 }],
    },
    {
      domain: "employment",
      title: "Uzrakstīt CV un atrast vasaras darbu",
      due: 150,
      status: "planned",
      steps: [
        { title: "Uzrakstīt CV kopā ar mentoru", owner: "mentor", due: 25 },
        { title: "Sagatavoties darba intervijai", owner: "youth" },
      ],
    },
    {
      domain: "legal",
      title: "Nomainīt ID karti, kam beidzas derīgums",
      due: 90,
      status: "planned",
      steps: [{ title: "Pieteikt vizīti PMLP", owner: "youth", due: 40 }],
    },
    {
      domain: "psychosocial",
      title: "Satikt brāli vismaz reizi mēnesī",
      why: "Viņš ir mana ģimene, un es negribu zaudēt saikni.",
      status: "in_progress",
      steps: [{ title: "Sarunāt tikšanos decembrī", owner: "youth", due: 14 }],
    },
    {
      domain: "employment",
      title: "Strādāt veikalā nedēļas nogalēs",
      status: "dropped",
      steps: [],
      comment: { by: "youth", body: "Mācības ir svarīgākas, vasarā mēģināšu vēlreiz." },
    },
  ],
  planB: {
    housing: "Ja līdz aprūpes beigām neatradīšu dzīvokli, varu palikt audžuģimenē, kamēr mācos (līdz 24 gadiem).",
    finances: "Ja pietrūks naudas, vispirms runāšu ar speciālisti par pabalstiem, nevis ņemšu kredītu.",
  },
  ratings: [
    [150, "housing", 3, 2],
    [150, "education", 6, 5],
    [150, "health", 5, 4],
    [150, "finances", 4, 3],
    [150, "employment", 3, 3],
    [150, "legal", 4, 3],
    [150, "psychosocial", 6, 6],
    [60, "housing", 5, 3],
    [60, "education", 6, 6],
    [60, "health", 5, 5],
    [60, "finances", 6, 5],
    [60, "employment", 4, 3],
    [60, "legal", 5, 4],
    [60, "psychosocial", 7, 6],
    [7, "housing", 7, 4],
    [7, "education", 7, 6],
    [7, "health", 6, 5],
    [7, "finances", 7, 6],
    [7, "employment", 5, 4],
    [7, "legal", 6, 6],
    [7, "psychosocial", 7, 7],
  ],
  documents: [
    ["id_card", "have", 40],
    ["residence_declaration", "applied", null],
    ["bank_account", "have", null],
    ["health_insurance_card", "have", 400],
    ["education_certificate", "have", null, "Pamatizglītības apliecība"],
  ],
  skills: [
    ["openBankAccount", "can_do", "specialist"],
    ["payBillsOnline", "learning", "youth"],
    ["cookWeekMeals", "learning", "carer"],
    ["doLaundry", "can_do", "carer"],
    ["readMeters", "not_yet", "youth"],
    ["writeCv", "learning", "mentor"],
    ["usePublicTransport", "can_do", "youth"],
  ],
};

export const AFTERCARE_PLAN: DemoPlan = {
  goals: [
    {
      domain: "housing",
      title: "Samaksāt īri un komunālos maksājumus laikā katru mēnesi",
      why: "Lai nezaudētu savu dzīvokli Rīgā.",
      status: "in_progress",
      steps: [
        { title: "Nolasīt ūdens skaitītāju rādījumus", owner: "youth", due: -2 },
        { title: "Samaksāt decembra īri internetbankā", owner: "youth", due: 8 },
      ],
      comment: { by: "mentor", body: "Labi, ka novembrī viss samaksāts laikā!" },
    },
    {
      domain: "employment",
      title: "Atrast pastāvīgu darbu pēc kursu beigām",
      due: 120,
      status: "in_progress",
      steps: [
        { title: "Aizsūtīt CV uz 5 vakancēm", owner: "youth", due: 10, done: true },
        { title: "Reģistrēties NVA", owner: "youth", due: -15, done: true },
        { title: "Sagatavoties intervijai kafejnīcā", owner: "mentor", due: 3 },
      ],
    },
    {
      domain: "psychosocial",
      title: "Atrast kādu, ar ko runāt, kad ir grūti",
      status: "done",
      steps: [{ title: "Aiziet uz pirmo jauniešu atbalsta grupu", owner: "youth", due: -60, done: true }],
    },
  ],
  planB: { employment: "Ja darbu neatradīšu līdz vasarai, pieteikšos NVA apmācību programmai." },
  ratings: [
    [120, "housing", 5, 4],
    [120, "employment", 3, 3],
    [120, "finances", 4, 4],
    [120, "psychosocial", 4, 5],
    [20, "housing", 7, 6],
    [20, "employment", 5, 5],
    [20, "finances", 6, 5],
    [20, "psychosocial", 6, 6],
  ],
  documents: [
    ["id_card", "have", 900],
    ["residence_declaration", "have", null],
    ["bank_account", "have", null],
    ["social_guarantees_application", "have", null],
  ],
  skills: [
    ["payBillsOnline", "can_do", "mentor"],
    ["readMeters", "can_do", "youth"],
    ["signTenancy", "can_do", "specialist"],
    ["jobInterview", "learning", "mentor"],
  ],
};

export const PREPARATION_PLAN: DemoPlan = {
  goals: [
    {
      domain: "health",
      title: "Iemācīties pagatavot piecas vienkāršas maltītes",
      why: "Gribu pati gatavot, nevis pirkt gatavu ēdienu.",
      status: "in_progress",
      steps: [
        { title: "Pagatavot omleti kopā ar SOS mammu", owner: "carer", done: true, due: -12 },
        { title: "Izvēlēties nākamo recepti", owner: "youth", due: 7 },
      ],
    },
    {
      domain: "finances",
      title: "Krāt 10 eiro mēnesī no kabatas naudas",
      status: "planned",
      steps: [{ title: "Izlemt, kam krāšu", owner: "youth", due: 14 }],
    },
  ],
  ratings: [
    [30, "health", 3, 3],
    [30, "finances", 2, 2],
    [30, "education", 6, 5],
    [30, "psychosocial", 5, 4],
  ],
};

/** Writes a demo plan with its history, inside the caller's transaction. */
export function seedPlan(
  tx: Tx,
  plan: DemoPlan,
  context: { planId: string; today: IsoDate; nowMs: number; people: Record<"youth" | "mentor" | "specialist" | "carer", string | null> },
): void {
  const { planId, today, nowMs, people } = context;
  const actor = (owner: Owner) => people[owner] ?? people.specialist ?? people.youth;
  const daysAgo = (days: number) => nowMs - days * 86_400_000;
  const event = (at: number, actorId: string | null, e: Omit<typeof planEvents.$inferInsert, "id" | "planId" | "createdAt" | "actorId">) =>
    tx
      .insert(planEvents)
      .values({ id: randomUUID(), planId, actorId, createdAt: at, ...e })
      .run();

  const positions = new Map<Domain, number>();
  plan.goals.forEach((g, index) => {
    const goalId = randomUUID();
    const position = positions.get(g.domain) ?? 0;
    positions.set(g.domain, position + 1);
    const createdAt = daysAgo(90 - index * 5);
    const creator = people.youth;
    tx.insert(goals)
      .values({
        id: goalId,
        planId,
        domain: g.domain,
        title: g.title,
        why: g.why ?? null,
        owner: g.owner ?? "youth",
        dueDate: g.due === undefined ? null : addDays(today, g.due),
        status: g.status,
        position,
        createdBy: creator,
        createdAt,
      })
      .run();
    event(createdAt, creator, { entity: "goal", entityId: goalId, domain: g.domain, action: "created", after: { title: g.title } });
    g.steps.forEach((s, stepIndex) => {
      const stepId = randomUUID();
      const owner = s.owner ?? "youth";
      const doneAt = s.done ? daysAgo(Math.max(1, -(s.due ?? -10))) : null;
      tx.insert(steps)
        .values({
          id: stepId,
          goalId,
          title: s.title,
          owner,
          dueDate: s.due === undefined ? null : addDays(today, s.due),
          doneAt,
          doneBy: s.done ? actor(owner) : null,
          position: stepIndex,
          createdBy: creator,
          createdAt: createdAt + 60_000 * (stepIndex + 1),
        })
        .run();
      event(createdAt + 60_000 * (stepIndex + 1), creator, {
        entity: "step",
        entityId: stepId,
        domain: g.domain,
        action: "created",
        after: { title: s.title },
      });
      if (doneAt) event(doneAt, actor(owner), { entity: "step", entityId: stepId, domain: g.domain, action: "completed", after: { title: s.title } });
    });
    if (g.status !== "planned") {
      const action = g.status === "done" ? "completed" : g.status === "dropped" ? "dropped" : "started";
      event(createdAt + 86_400_000, creator, {
        entity: "goal",
        entityId: goalId,
        domain: g.domain,
        action,
        before: { status: "planned" },
        after: { status: g.status },
      });
    }
    if (g.comment) {
      const authorId = people[g.comment.by] ?? people.specialist!;
      const at = daysAgo(4 + index);
      tx.insert(goalComments).values({ id: randomUUID(), goalId, authorId, body: g.comment.body, createdAt: at }).run();
      event(at, authorId, { entity: "comment", entityId: goalId, domain: g.domain, action: "commented", after: { goal: g.title, body: g.comment.body } });
    }
  });

  for (const [domain, text] of Object.entries(plan.planB ?? {}) as Array<[Domain, string]>) {
    tx.update(planDomains)
      .set({ planB: text })
      .where(
        // planDomains has one row per plan and domain (unique index).
        and(eq(planDomains.planId, planId), eq(planDomains.domain, domain)),
      )
      .run();
    event(daysAgo(30), people.youth, { entity: "planB", domain, action: "updated", before: { planB: null }, after: { planB: text } });
  }

  for (const [kind, status, expiresIn, label] of plan.documents ?? []) {
    const id = randomUUID();
    const after = { kind, status, label: label ?? null, expiresOn: expiresIn === null ? null : addDays(today, expiresIn) };
    tx.insert(planDocuments)
      .values({ id, planId, ...after, updatedBy: people.youth, updatedAt: daysAgo(20), createdAt: daysAgo(20) })
      .run();
    event(daysAgo(20), people.youth, { entity: "document", entityId: id, domain: "legal", action: "created", after });
  }
  for (const [skill, state, by] of plan.skills ?? []) {
    if (!isCatalogueSkill(skill)) throw new Error(`Demo skill ${skill} is not in the catalogue`);
    const confirmedBy = people[by] ?? people.youth;
    tx.insert(skillStates)
      .values({ id: randomUUID(), planId, skillKey: skill, state, confirmedBy, confirmedAt: daysAgo(15) })
      .run();
    event(daysAgo(15), confirmedBy, { entity: "skill", entityId: skill, action: "updated", before: { skill, state: "not_yet" }, after: { skill, state } });
  }

  const adult = people.mentor ?? people.specialist!;
  for (const [ago, domain, youthValue, adultValue] of plan.ratings) {
    const ratedOn = addDays(today, -ago);
    tx.insert(readinessRatings)
      .values([
        { id: randomUUID(), planId, domain, raterId: people.youth!, raterKind: "youth", value: youthValue, ratedOn, createdAt: daysAgo(ago) },
        { id: randomUUID(), planId, domain, raterId: adult, raterKind: "adult", value: adultValue, ratedOn, createdAt: daysAgo(ago) + 1000 },
      ])
      .run();
    event(daysAgo(ago), people.youth, { entity: "rating", domain, action: "rated", after: { value: youthValue, raterKind: "youth" } });
    event(daysAgo(ago) + 1000, adult, { entity: "rating", domain, action: "rated", after: { value: adultValue, raterKind: "adult" } });
  }
}
