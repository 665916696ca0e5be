/**
 * Issue 14: documents that help instead of alarming (a neutral "not marked yet", "I don't need this", an
 * empty "other document" refused next to the field) and life skills in short sections (progress per
 * domain, items nobody answered, a few suggested for the phase; the section ticked from stays open).
 */
import { beforeEach, describe, expect, test } from "vitest";
import { browserRequest, freshDatabase, routeArgs, settle } from "../helpers/db";
import { cookieOf, expectNoChange, formReplyOf, YOUTH, youngPersonIdOf } from "./plan-support";
import * as documentsRoute from "~/routes/plan.$youngPersonId.documents";
import * as skillsRoute from "~/routes/plan.$youngPersonId.skills";
import { SUGGESTED_MAX } from "~/domain/skill-sections";

beforeEach(async () => {
  await freshDatabase();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route module of this file
async function call<T>(route: { loader: any; action: any }, kind: "loader" | "action", path: string, id: string, form?: Record<string, string>) {
  const request = browserRequest(path, { cookie: cookieOf(YOUTH), form });
  const { response, thrown } = await settle(() => route[kind](routeArgs(request, { youngPersonId: id })));
  return { response, thrown, status: response.status, location: response.headers.get("Location"), json: () => response.json() as Promise<T> };
}

type Documents = { entries: Array<{ id: string | null; kind: string; status: string; label: string | null }> };
type Skills = {
  sections: Array<{ domain: string; items: Array<{ key: string; answered: boolean }>; canDo: number; relevant: number; unanswered: number }>;
  suggested: Array<{ key: string; state: string }>;
  open: string | null;
};

describe("documents", () => {
  test("an empty other document is refused next to the label, with what was typed kept", async () => {
    const id = youngPersonIdOf(YOUTH);
    for (const label of ["", "   "]) {
      const outcome = await expectNoChange(() =>
        call(documentsRoute, "action", `/plan/${id}/documents`, id, { formId: "doc-new", kind: "other", label, status: "have", expiresOn: "2030-01-01" }),
      );
      const reply = (await formReplyOf(outcome as never)) as unknown as {
        formId: string;
        result: { error: Record<string, string[]>; initialValue: Record<string, string> };
      };
      expect(reply.formId).toBe("doc-new");
      expect(reply.result.error.label).toEqual(["documents.labelRequired"]);
      expect(reply.result.initialValue.expiresOn).toBe("2030-01-01");
    }
  });

  test("a named other document is saved", async () => {
    const id = youngPersonIdOf(YOUTH);
    const outcome = await call(documentsRoute, "action", `/plan/${id}/documents`, id, {
      formId: "doc-new",
      kind: "other",
      label: "Autovadītāja apliecība",
      status: "applied",
    });
    expect(outcome.status).toBe(302);
    const page = await (await call<Documents>(documentsRoute, "loader", `/plan/${id}/documents`, id)).json();
    expect(page.entries.some((e) => e.kind === "other" && e.label === "Autovadītāja apliecība" && e.status === "applied")).toBe(true);
  });

  test('unmarked documents have no id; "I don\'t need this" marks one as not needed', async () => {
    const id = youngPersonIdOf(YOUTH);
    const before = await (await call<Documents>(documentsRoute, "loader", `/plan/${id}/documents`, id)).json();
    const unmarked = before.entries.find((e) => e.id === null);
    expect(unmarked, "the demo leaves some documents unmarked").toBeTruthy();
    const outcome = await call(documentsRoute, "action", `/plan/${id}/documents`, id, {
      formId: `doc-${unmarked!.kind}`,
      kind: unmarked!.kind,
      status: "not_needed",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/plan/${id}/documents#doc-${unmarked!.kind}`);
    const after = await (await call<Documents>(documentsRoute, "loader", `/plan/${id}/documents`, id)).json();
    const marked = after.entries.find((e) => e.kind === unmarked!.kind)!;
    expect(marked.id).not.toBeNull();
    expect(marked.status).toBe("not_needed");
  });
});

describe("life skills", () => {
  test("one section per domain with its own counts; suggested items are open ones of the phase", async () => {
    const id = youngPersonIdOf(YOUTH);
    const page = await (await call<Skills>(skillsRoute, "loader", `/plan/${id}/skills`, id)).json();
    expect(page.sections.length).toBe(7);
    for (const s of page.sections) {
      expect(s.unanswered).toBe(s.items.filter((i) => !i.answered).length);
      expect(s.canDo).toBeLessThanOrEqual(s.relevant);
    }
    expect(page.sections.some((s) => s.unanswered > 0)).toBe(true);
    expect(page.sections.some((s) => s.items.some((i) => i.answered))).toBe(true);
    expect(page.suggested.length).toBeGreaterThan(0);
    expect(page.suggested.length).toBeLessThanOrEqual(SUGGESTED_MAX);
    for (const s of page.suggested) expect(["not_yet", "learning"]).toContain(s.state);
    expect(page.open).toBeNull();
  });

  test("a tick lands back on its item with its section open; a bad section name is ignored", async () => {
    const id = youngPersonIdOf(YOUTH);
    const fromSection = await call(skillsRoute, "action", `/plan/${id}/skills`, id, { skillKey: "doLaundry", state: "can_do", from: "housing" });
    expect(fromSection.location).toBe(`/plan/${id}/skills?open=housing#skill-doLaundry`);
    const fromSuggested = await call(skillsRoute, "action", `/plan/${id}/skills`, id, { skillKey: "doLaundry", state: "learning", from: "suggested" });
    expect(fromSuggested.location).toBe(`/plan/${id}/skills#suggested-doLaundry`);
    const page = await (await call<Skills>(skillsRoute, "loader", `/plan/${id}/skills?open=housing`, id)).json();
    expect(page.open).toBe("housing");
    const housing = page.sections.find((s) => s.domain === "housing")!;
    expect(housing.items.find((i) => i.key === "doLaundry")!.answered).toBe(true);
    const bad = await (await call<Skills>(skillsRoute, "loader", `/plan/${id}/skills?open=%3Cscript%3E`, id)).json();
    expect(bad.open).toBeNull();
  });
});
