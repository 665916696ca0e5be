/**
 * Control characters in posted forms: removed in one place (readFormData), so "\u0000" is not an answer,
 * a form id cannot put a NUL into a Location header, and what is stored never holds them.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { browserRequest, freshDatabase, routeArgs, settle } from "../helpers/db";
import { cookieOf, expectRedirect, formReplyOf, goalForm, goalRows, post, YOUTH, youngPersonIdOf } from "./plan-support";
import * as documentsRoute from "~/routes/plan.$youngPersonId.documents";
import { withoutControlCharacters } from "~/domain/text";
import { readFormData } from "~/utils/http.server";

beforeEach(async () => {
  await freshDatabase();
});

async function postDocument(id: string, form: Record<string, string>) {
  const request = browserRequest(`/plan/${id}/documents`, { cookie: cookieOf(YOUTH), form });
  return settle(() => documentsRoute.action(routeArgs(request, { youngPersonId: id })));
}

describe("control characters", () => {
  test("the pure rule keeps tabs and line breaks and drops the rest", () => {
    expect(withoutControlCharacters("a\u0000b\u0007c\u001bd\u007fe")).toBe("abcde");
    expect(withoutControlCharacters("rinda\nrinda\r\n\tatkāpe")).toBe("rinda\nrinda\r\n\tatkāpe");
    expect(withoutControlCharacters("Jānis ✓ Ж")).toBe("Jānis ✓ Ж");
  });

  test("readFormData cleans every text field and its name", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: new URLSearchParams({ "ti\u0000tle": "a\u0000b", note: "line\nline" }),
    });
    const form = await readFormData(request);
    expect(form.get("title")).toBe("ab");
    expect(form.get("note")).toBe("line\nline");
  });

  test("a goal title of only NUL characters is required, not saved", async () => {
    const id = youngPersonIdOf(YOUTH);
    const before = goalRows(id).length;
    const outcome = await post.domain(YOUTH, id, "housing", goalForm("housing", { title: "\u0000\u0000\u0000" }));
    expect(outcome.thrown).toBe(false);
    expect(outcome.status).toBe(400);
    expect((await formReplyOf(outcome)).result.error?.title).toEqual(["errors.required"]);
    expect(goalRows(id).length).toBe(before);
  });

  test("a NUL in a goal title is stored without it", async () => {
    const id = youngPersonIdOf(YOUTH);
    const outcome = await post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Īre\u0000 dzīvoklim" }));
    expectRedirect(outcome);
    expect(goalRows(id).some((g) => g.title === "Īre dzīvoklim")).toBe(true);
  });

  test("a document form id with a NUL or other characters is refused, not a 500", async () => {
    const id = youngPersonIdOf(YOUTH);
    for (const formId of ["doc\u0000x", "a b", "x\r\nSet-Cookie: y=1", "ā"]) {
      const { response } = await postDocument(id, { formId, kind: "other", label: "Pase", status: "have" });
      expect(response.status).toBeLessThan(500);
      const location = response.headers.get("Location");
      if (location) expect(location).toMatch(/^\/plan\/[^#]+\/documents#[A-Za-z0-9_-]+$/);
    }
  });
});
