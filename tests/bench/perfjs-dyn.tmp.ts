import { buildWeights } from "/work/wt-perfjs/tests/helpers/js-weight";
const { pages, modulesOf } = buildWeights();
const route = process.argv[2] ?? "routes/_index";
const p = pages.find((x) => x.route === route)!;
for (const d of p.dynamicWeights) {
  console.log(`\n${d.source} +${(d.gzip / 1000).toFixed(1)} KB in ${d.files.length} files`);
  for (const m of modulesOf(d.files).slice(0, 14)) console.log(`  ${(m.gzip / 1000).toFixed(2).padStart(6)}  ${m.module}`);
}
