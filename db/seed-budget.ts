/**
 * The demo budget (issue 12): the organisation's support catalogue, and Jānis's two months of pocket
 * money with duties (some confirmed, one not), pots with a rent-deposit goal for his housing goal, six
 * envelopes, about 40 transactions and a saved first-month scenario that shows a gap. The current week's
 * duties are left for the carer to confirm. Dates are relative to today.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { allocateIncome, periodOf, pocketMoneyForPeriod, previousPeriod, type Duty, type EnvelopeCategory, type Scenario } from "../app/domain/budget";
import { addDays, type IsoDate } from "../app/domain/dates";
import { cents, euros, ZERO } from "../app/domain/money";
import type { Tx } from "../app/models/plans.server";
import {
  budgetAllocations,
  budgetDutyChecks,
  budgetDuties,
  budgetEnvelopes,
  budgetPots,
  budgetScenarios,
  budgetSettings,
  budgetTransactions,
  goals,
  supportEntries,
} from "./schema";

const CHECK_LOCALLY = "Piemērs: summu pārbaudiet savā pašvaldībā un aktuālajos noteikumos, pirms uz to paļaujaties.";

/** Example entries with the amounts Cabinet Regulation No. 857 names; each must be checked locally. */
export const DEMO_SUPPORT = [
  {
    key: "start",
    kind: "startAllowance",
    title: "Pabalsts patstāvīgas dzīves uzsākšanai",
    amount: euros(251),
    frequency: "once",
    note: `MK noteikumi Nr. 857: vienreizējs pabalsts 251 €. ${CHECK_LOCALLY}`,
  },
  {
    key: "household",
    kind: "householdAllowance",
    title: "Pabalsts sadzīves priekšmetu un mīkstā inventāra iegādei",
    amount: euros(1065),
    frequency: "once",
    note: `MK noteikumi Nr. 857: vienreizējs pabalsts līdz 1 065 €. ${CHECK_LOCALLY}`,
  },
  {
    key: "study",
    kind: "studyAllowance",
    title: "Ikmēneša pabalsts mācību laikā",
    amount: euros(139),
    frequency: "monthly",
    note: `Kamēr mācies klātienē. ${CHECK_LOCALLY}`,
  },
  {
    key: "housing",
    kind: "housingBenefit",
    title: "Mājokļa pabalsts",
    amount: euros(80),
    frequency: "monthly",
    note: `Pašvaldības mājokļa pabalsts; apmērs atkarīgs no izdevumiem. ${CHECK_LOCALLY}`,
  },
  { key: "stipend", kind: "stipend", title: "Stipendija tehnikumā", amount: euros(20), frequency: "monthly", note: `Atkarīga no sekmēm. ${CHECK_LOCALLY}` },
] as const;

export function seedSupportCatalogue(tx: Tx, organisationId: string): Map<string, string> {
  const ids = new Map<string, string>();
  DEMO_SUPPORT.forEach((s, position) => {
    const id = randomUUID();
    ids.set(s.key, id);
    tx.insert(supportEntries)
      .values({ id, organisationId, kind: s.kind, title: s.title, amountCents: s.amount, frequency: s.frequency, note: s.note, position })
      .run();
  });
  return ids;
}

const ENVELOPES: Array<[EnvelopeCategory, number]> = [
  ["food", 2000],
  ["phone", 800],
  ["transport", 800],
  ["clothes", 800],
  ["leisure", 1000],
  ["hygiene", 400],
];

/** Expenses as [days ago, envelope, cents, note]. */
const EXPENSES: Array<[number, EnvelopeCategory, number, string | null]> = [
  [58, "food", 350, "Kebabs"],
  [56, "transport", 200, null],
  [55, "phone", 800, "Rēķins"],
  [53, "leisure", 600, "Kino"],
  [51, "food", 245, null],
  [49, "hygiene", 320, "Šampūns"],
  [47, "food", 180, null],
  [45, "clothes", 900, "Zeķes un T-krekls"],
  [43, "leisure", 450, null],
  [41, "food", 410, "Picas vakars"],
  [39, "transport", 200, null],
  [37, "food", 295, null],
  [35, "leisure", 150, null],
  [33, "food", 380, null],
  [30, "hygiene", 199, null],
  [28, "phone", 800, "Rēķins"],
  [26, "food", 460, null],
  [24, "transport", 400, "Autobuss uz Rīgu"],
  [22, "leisure", 700, "Boulings"],
  [20, "food", 330, null],
  [17, "clothes", 550, null],
  [15, "food", 275, null],
  [13, "leisure", 300, null],
  [11, "food", 520, "Iepirkums veikalā"],
  [9, "transport", 200, null],
  [7, "food", 310, null],
  [5, "hygiene", 250, null],
  [3, "leisure", 500, "Spēle"],
  [2, "food", 415, null],
  [1, "food", 190, null],
];

const DUTIES: Array<Omit<Duty, "id">> = [
  { title: "Uzkopt savu istabu", valueKind: "share", value: 50 },
  { title: "Nomazgāt traukus pēc vakariņām", valueKind: "share", value: 30 },
  { title: "Iznest atkritumus", valueKind: "share", value: 20 },
  { title: "Palīdzēt dārzā sestdienā", valueKind: "amount", value: 300 },
];

export function seedBudget(
  tx: Tx,
  context: {
    youngPersonId: string;
    planId: string;
    youthId: string;
    carerId: string;
    specialistId: string;
    today: IsoDate;
    nowMs: number;
    support: Map<string, string>;
  },
): void {
  const { youngPersonId, planId, youthId, carerId, specialistId, today, nowMs } = context;
  const at = (day: IsoDate) => Date.parse(`${day}T12:00:00Z`);
  const settings = { amountCents: euros(20), rhythm: "weekly" as const, payDay: 5 };
  tx.insert(budgetSettings)
    .values({ youngPersonId, ...settings, updatedBy: specialistId, updatedAt: nowMs - 70 * 86_400_000 })
    .run();

  const duties: Duty[] = DUTIES.map((d) => ({ ...d, id: randomUUID() }));
  tx.insert(budgetDuties)
    .values(duties.map((d, i) => ({ ...d, youngPersonId, createdBy: carerId, createdAt: nowMs - 70 * 86_400_000 + i })))
    .run();

  // Pots: 70% to spend, 10% saved, 20% to the rent deposit for the housing goal.
  const housingGoal = tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.planId, planId), eq(goals.domain, "housing")))
    .get();
  const pots = [
    { id: randomUUID(), kind: "spend" as const, percent: 70, title: null, targetCents: null, targetDate: null, planGoalId: null },
    { id: randomUUID(), kind: "save" as const, percent: 10, title: null, targetCents: null, targetDate: null, planGoalId: null },
    {
      id: randomUUID(),
      kind: "goal" as const,
      percent: 20,
      title: "Īres depozīts",
      targetCents: euros(300),
      targetDate: addDays(today, 200),
      planGoalId: housingGoal?.id ?? null,
    },
  ];
  tx.insert(budgetPots)
    .values(pots.map((p, position) => ({ ...p, youngPersonId, position })))
    .run();

  const envelopeIds = new Map<EnvelopeCategory, string>();
  tx.insert(budgetEnvelopes)
    .values(
      ENVELOPES.map(([category, planned], position) => {
        const id = randomUUID();
        envelopeIds.set(category, id);
        return { id, youngPersonId, category, plannedCents: planned, position };
      }),
    )
    .run();

  const income = (day: IsoDate, amount: number, category: "pocket" | "gift" | "work", periodStart: IsoDate | null, note: string | null = null) => {
    const id = randomUUID();
    tx.insert(budgetTransactions)
      .values({
        id,
        youngPersonId,
        kind: "income",
        amountCents: amount,
        incomeCategory: category,
        on: day,
        periodStart,
        note,
        createdBy: category === "pocket" ? carerId : youthId,
        createdAt: at(day),
      })
      .run();
    const parts = allocateIncome(cents(amount), pots).filter((p) => p.cents !== 0);
    if (parts.length)
      tx.insert(budgetAllocations)
        .values(parts.map((p) => ({ transactionId: id, potId: p.potId, cents: p.cents })))
        .run();
  };

  // Eight past weeks of pocket money: answered by the carer on pay day and paid. The dishes were not done
  // last week; the garden helped three times. This week's duties wait for the carer.
  const current = periodOf(settings, today);
  let period = previousPeriod(settings, current);
  for (let week = 0; week < 8; week++) {
    const confirmed = new Set<string>();
    duties.forEach((d, i) => {
      const done = !(week === 0 && i === 1) && (d.valueKind === "share" || week % 3 === 0);
      if (d.valueKind === "amount" && week % 3 !== 0) return; // not asked every week
      tx.insert(budgetDutyChecks)
        .values({ id: randomUUID(), dutyId: d.id, youngPersonId, periodStart: period.start, done, checkedBy: carerId, checkedAt: at(period.payOn) })
        .run();
      if (done) confirmed.add(d.id);
    });
    const earned = pocketMoneyForPeriod(settings, duties, confirmed).earned;
    if (earned > ZERO) income(period.payOn > today ? today : period.payOn, earned, "pocket", period.start);
    period = previousPeriod(settings, period);
  }
  income(addDays(today, -40), 2000, "gift", null, "Vecmāmiņa dzimšanas dienā");
  income(addDays(today, -12), 1500, "work", null, "Palīdzēju kaimiņam nokrāsot žogu");

  for (const [daysAgo, category, amount, note] of EXPENSES) {
    const day = addDays(today, -daysAgo);
    tx.insert(budgetTransactions)
      .values({
        id: randomUUID(),
        youngPersonId,
        kind: "expense",
        amountCents: amount,
        envelopeId: envelopeIds.get(category)!,
        note,
        on: day,
        createdBy: youthId,
        createdAt: at(day),
      })
      .run();
  }

  // A saved first month after care ends: a room in Bauska, the study allowance and the one-off
  // allowances — about 100 € short every month.
  const scenario: Scenario = {
    incomes: [
      { ref: context.support.get("start")!, title: DEMO_SUPPORT[0].title, cents: DEMO_SUPPORT[0].amount, frequency: "once" },
      { ref: context.support.get("study")!, title: DEMO_SUPPORT[2].title, cents: DEMO_SUPPORT[2].amount, frequency: "monthly" },
      { ref: "own:wage", title: "", cents: euros(250), frequency: "monthly" },
    ],
    costs: {
      rent: euros(180),
      utilities: euros(60),
      food: euros(160),
      transport: euros(25),
      phone: euros(8),
      internet: euros(10),
      hygiene: euros(15),
      clothes: euros(20),
      leisure: euros(25),
      own: euros(0),
    },
    savings: euros(60),
  };
  tx.insert(budgetScenarios)
    .values({
      id: randomUUID(),
      youngPersonId,
      title: "Istaba Bauskā, mācos un strādāju",
      data: scenario,
      createdBy: youthId,
      createdAt: nowMs - 5 * 86_400_000,
    })
    .run();
}
