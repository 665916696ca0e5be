/**
 * The browser's code carries no server-side validation (decision 005: zod never reaches the phone).
 * A route that imports a module building zod schemas at its top level keeps them in its bundle even when
 * only the action uses them, so such helpers are reached through `~/utils/forms.server` instead. This
 * reads the built browser files; it runs after `npm run build` (as in `npm test`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { built } from "../helpers/live-server";
import { buildWeights } from "../helpers/js-weight";

const BUILD = join(import.meta.dirname, "../../public/build");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : [],
  );
}

describe.skipIf(!built())("the browser's code (built)", () => {
  test("no file of the client build contains zod", () => {
    const files = filesUnder(BUILD);
    expect(files.length).toBeGreaterThan(20);
    const withZod = files.filter((f) => /ZodError|ZodFirstPartyTypeKind/.test(readFileSync(f, "utf8"))).map((f) => relative(BUILD, f));
    expect(withZod, "a route imports a zod module directly; reach it through ~/utils/forms.server").toEqual([]);
  });

  // DESIGN's budget is 120 KB gzip of JS per page; decision 030 keeps every page at or under 116 KB and
  // fails here at 118, so it cannot creep back unnoticed. A page's JS: the entry, the root and the route
  // with every chunk they import, plus the heaviest chunk the route loads with import() (a home's role).
  test("every page's JS is at most 118 KB gzip", () => {
    const { pages } = buildWeights();
    expect(pages.length).toBeGreaterThan(40);
    const over = pages.filter((p) => p.gzip > 118_000).map((p) => `${p.route}: ${(p.gzip / 1000).toFixed(1)} KB`);
    expect(over, "run `npx tsx tests/bench/js-weight.ts` to see what these pages are made of").toEqual([]);
  });

  test("each role's home is its own chunk: the home route does not carry the other roles' code", () => {
    const { pages, metafile } = buildWeights();
    const home = pages.find((p) => p.route === "routes/_index")!;
    const modulesIn = (files: string[]) => files.flatMap((f) => Object.keys(metafile.outputs[`public${f}`]?.inputs ?? {}));
    expect(modulesIn(home.files).filter((m) => m.includes("components/homes/"))).toEqual([]);
    const roles = home.dynamicWeights.map((d) => d.source).sort();
    expect(roles).toEqual(["admin", "carer", "lead", "mentor", "specialist", "youth"].map((r) => `app/components/homes/${r}.tsx`));
    // The young person's home does not carry an adult's tables (and the other way round).
    const youth = home.dynamicWeights.find((d) => d.source.endsWith("youth.tsx"))!;
    expect(modulesIn(youth.files).filter((m) => /case-list\.tsx|worklist\.tsx|mentoring\.tsx|help-lists/.test(m))).toEqual([]);
  });

  test("single fetch's decoder stays out of the browser's code (patched out, decision 030)", () => {
    const { metafile } = buildWeights();
    const modules = Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(modules.filter((m) => /turbo-stream|single-fetch/.test(m))).toEqual([]);
  });
});
