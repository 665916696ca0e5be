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
});
