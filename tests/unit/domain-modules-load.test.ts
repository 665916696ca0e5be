/**
 * Every module of app/domain loads. A change that makes a module throw while it loads (a schema built from
 * a helper that returns nothing, a table that is not there) breaks every page that imports it, yet a test
 * file that imports such a module statically fails before any of its tests runs, and the mutation run
 * counts no failed test: the mutant "survives". Loading each module inside a test makes that a failure.
 * The imports are written out so that vitest knows this file is related to each module.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  "access-log": () => import("~/domain/access-log"),
  "account-forms": () => import("~/domain/account-forms"),
  accounts: () => import("~/domain/accounts"),
  "audit-chain": () => import("~/domain/audit-chain"),
  budget: () => import("~/domain/budget"),
  "budget-forms": () => import("~/domain/budget-forms"),
  calendar: () => import("~/domain/calendar"),
  "calendar-forms": () => import("~/domain/calendar-forms"),
  "case-list": () => import("~/domain/case-list"),
  charts: () => import("~/domain/charts"),
  "common-passwords": () => import("~/domain/common-passwords"),
  "date-case": () => import("~/domain/date-case"),
  dates: () => import("~/domain/dates"),
  documents: () => import("~/domain/documents"),
  "download-path": () => import("~/domain/download-path"),
  "form-errors": () => import("~/domain/form-errors"),
  "form-fields": () => import("~/domain/form-fields"),
  help: () => import("~/domain/help"),
  "help-forms": () => import("~/domain/help-forms"),
  "history-view": () => import("~/domain/history-view"),
  "life-skills": () => import("~/domain/life-skills"),
  limits: () => import("~/domain/limits"),
  mentoring: () => import("~/domain/mentoring"),
  "mentoring-forms": () => import("~/domain/mentoring-forms"),
  money: () => import("~/domain/money"),
  "next-step-form": () => import("~/domain/next-step-form"),
  notifications: () => import("~/domain/notifications"),
  "organisation-forms": () => import("~/domain/organisation-forms"),
  paging: () => import("~/domain/paging"),
  password: () => import("~/domain/password"),
  phase: () => import("~/domain/phase"),
  "plan-forms": () => import("~/domain/plan-forms"),
  "plan-history": () => import("~/domain/plan-history"),
  "plan-overview": () => import("~/domain/plan-overview"),
  platform: () => import("~/domain/platform"),
  policy: () => import("~/domain/policy"),
  progress: () => import("~/domain/progress"),
  readiness: () => import("~/domain/readiness"),
  retention: () => import("~/domain/retention"),
  "review-forms": () => import("~/domain/review-forms"),
  reviews: () => import("~/domain/reviews"),
  "session-policy": () => import("~/domain/session-policy"),
  sharing: () => import("~/domain/sharing"),
  "skill-sections": () => import("~/domain/skill-sections"),
  statistics: () => import("~/domain/statistics"),
  text: () => import("~/domain/text"),
  vocabulary: () => import("~/domain/vocabulary"),
  wellbeing: () => import("~/domain/wellbeing"),
  worklist: () => import("~/domain/worklist"),
};

describe("app/domain modules", () => {
  it("the list names every module", () => {
    const files = readdirSync(new URL("../../app/domain/", import.meta.url)).filter((f) => f.endsWith(".ts"));
    expect(Object.keys(MODULES).sort()).toEqual(files.map((f) => f.slice(0, -3)).sort());
  });

  it.each(Object.keys(MODULES))("%s loads and exports something", async (name) => {
    const module = await MODULES[name]!();
    expect(Object.keys(module).length).toBeGreaterThan(0);
  });
});
