/**
 * The browser's JS per page (not a test; decision 030, docs/benchmarks.md): for every route, the gzip KB
 * its page loads before hydrating (entry + root + route + their chunks, plus the heaviest chunk the route
 * loads with `import()`), and the modules that weigh most on the pages over JS_WEIGHT_SHOW KB (default
 * 114). Reads the client build: `npm run build` first. `JS_WEIGHT_TOP=n` lists n modules (default 12);
 * `JS_WEIGHT_ROUTE=routes/_index` lists one route's modules whatever its weight.
 */
import { buildWeights } from "../helpers/js-weight";

const top = Number(process.env.JS_WEIGHT_TOP ?? 12);
const show = Number(process.env.JS_WEIGHT_SHOW ?? 114) * 1000;
const only = process.env.JS_WEIGHT_ROUTE;
const { pages, modulesOf, manifest, gzipOf } = buildWeights();
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

const common = new Set<string>([manifest.entry.module, ...manifest.entry.imports, manifest.routes.root!.module, ...(manifest.routes.root!.imports ?? [])]);
console.log(`every page (entry + root): ${kb([...common].reduce((s, f) => s + gzipOf(f), 0))} KB gzip`);
console.log(`${"route".padEnd(58)} ${"JS gz KB".padStart(9)} ${"static".padStart(7)}  dynamic chunks`);
for (const page of [...pages].sort((a, b) => b.gzip - a.gzip)) {
  console.log(`${page.route.padEnd(58)} ${kb(page.gzip).padStart(9)} ${kb(page.staticGzip).padStart(7)}  ${page.dynamic.length || ""}`);
  for (const d of page.dynamicWeights) console.log(`  + ${d.source.padEnd(54)} ${kb(page.staticGzip + d.gzip).padStart(9)}`);
}
for (const page of pages.filter((p) => (only ? p.route === only : p.gzip > show))) {
  console.log(`\n${page.route}: ${kb(page.gzip)} KB; its modules beyond entry + root (gzip KB, apportioned):`);
  const own = [...page.files.filter((f) => !common.has(f)), ...page.heaviestDynamic];
  for (const m of modulesOf(own).slice(0, top)) console.log(`  ${kb(m.gzip).padStart(6)}  ${m.module}`);
}
if (only === "root" || process.env.JS_WEIGHT_COMMON) {
  console.log(`\nentry + root's modules (gzip KB, apportioned):`);
  for (const m of modulesOf([...common]).slice(0, top)) console.log(`  ${kb(m.gzip).padStart(6)}  ${m.module}`);
}
