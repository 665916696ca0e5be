/**
 * What each route's page makes the browser download (decision 030): the entry, the root and every
 * route of the match with the chunks they import, plus the chunks a route loads with `import()` before
 * it hydrates (the home loads its role's code so). Read from the client build (`public/build`, the
 * manifest Remix writes) and esbuild's metafile (`build/metafile.js.json`, which module went where),
 * gzip level 6 as the benchmark measures it. KB here are 1,000 bytes, as in docs/benchmarks.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = join(import.meta.dirname, "../..");
const PUBLIC = join(ROOT, "public");

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}
interface Metafile {
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      imports: Array<{ path: string; kind: string }>;
      inputs: Record<string, { bytesInOutput: number }>;
    }
  >;
}

export interface PageWeight {
  route: string;
  /** Files a page of this route loads before it hydrates (URL paths), the static ones first. */
  files: string[];
  /** The chunks behind the route's own `import()`s (loaded before hydration: the home's role code). */
  dynamic: string[];
  /** gzip bytes of the static files. */
  staticGzip: number;
  /** gzip bytes of the static files plus the heaviest one of the route's dynamic chunks (with its imports). */
  gzip: number;
  /** The heaviest dynamic chunk's own files (what one role adds), for the report. */
  heaviestDynamic: string[];
  /** Each dynamic chunk: the module it starts from, and the gzip bytes it adds to the static files. */
  dynamicWeights: Array<{ source: string; gzip: number; files: string[] }>;
}

export interface BuildWeights {
  manifest: Manifest;
  metafile: Metafile;
  gzipOf: (file: string) => number;
  pages: PageWeight[];
  /** Source modules by the gzip bytes they add to a file, apportioned by their raw share of it. */
  modulesOf: (files: string[]) => Array<{ module: string; gzip: number; raw: number }>;
}

function readManifest(): Manifest {
  const dir = join(PUBLIC, "build");
  const file = readdirSync(dir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!file) throw new Error("no manifest in public/build: run `npm run build` first");
  const text = readFileSync(join(dir, file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

export function buildWeights(): BuildWeights {
  const manifest = readManifest();
  const metafile = JSON.parse(readFileSync(join(ROOT, "build/metafile.js.json"), "utf8")) as Metafile;
  const gzipCache = new Map<string, number>();
  const gzipOf = (file: string) => {
    if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(join(PUBLIC, file))).length);
    return gzipCache.get(file)!;
  };
  const output = (file: string) => metafile.outputs[`public${file}`];
  /** A file and everything it imports statically. */
  const closure = (file: string, into = new Set<string>()) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const i of output(file)?.imports ?? []) if (i.kind === "import-statement") closure(i.path.replace(/^public/, ""), into);
    return into;
  };
  const chain = (id: string): ManifestRoute[] => {
    const route = manifest.routes[id]!;
    return route.parentId ? [...chain(route.parentId), route] : [route];
  };

  const pages = Object.keys(manifest.routes)
    .filter((id) => id !== "root")
    .map((id): PageWeight => {
      const own = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
      for (const route of chain(id)) for (const f of [route.module, ...(route.imports ?? [])]) closure(f, own);
      const dynamic = [manifest.routes[id]!.module]
        .flatMap((f) => [...closure(f)])
        .flatMap((f) => (output(f)?.imports ?? []).filter((i) => i.kind === "dynamic-import").map((i) => i.path.replace(/^public/, "")));
      const staticGzip = [...own].reduce((sum, f) => sum + gzipOf(f), 0);
      const dynamicWeights = [...new Set(dynamic)].map((d) => {
        const files = [...closure(d)].filter((f) => !own.has(f));
        return { source: output(d)?.entryPoint ?? d, gzip: files.reduce((sum, f) => sum + gzipOf(f), 0), files };
      });
      const heaviest = dynamicWeights.reduce((a, b) => (b.gzip > a.gzip ? b : a), { source: "", gzip: 0, files: [] as string[] });
      return {
        route: id,
        files: [...own],
        dynamic: [...new Set(dynamic)],
        staticGzip,
        gzip: staticGzip + heaviest.gzip,
        heaviestDynamic: heaviest.files,
        dynamicWeights,
      };
    });

  const modulesOf = (files: string[]) => {
    const byModule = new Map<string, { gzip: number; raw: number }>();
    for (const f of files) {
      const out = output(f);
      if (!out) continue;
      const total = Object.values(out.inputs).reduce((s, i) => s + i.bytesInOutput, 0) || 1;
      for (const [module, { bytesInOutput }] of Object.entries(out.inputs)) {
        const m = byModule.get(module) ?? { gzip: 0, raw: 0 };
        m.raw += bytesInOutput;
        m.gzip += (gzipOf(f) * bytesInOutput) / total;
        byModule.set(module, m);
      }
    }
    return [...byModule].map(([module, m]) => ({ module, ...m })).sort((a, b) => b.gzip - a.gzip);
  };
  return { manifest, metafile, gzipOf, pages, modulesOf };
}
