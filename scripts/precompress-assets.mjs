/**
 * Writes a brotli (quality 11) and a gzip (level 9) copy next to every text file of the client build
 * (public/build: hashed, immutable), so app/server.ts sends those bytes instead of compressing each
 * JS and CSS request again (docs/decisions/040-cheaper-compression.md). Run by `npm run build`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const BUILD = "public/build";
const TEXT = /\.(js|css|map|json|svg|txt)$/;

let files = 0;
let raw = 0;
let br = 0;
for (const entry of readdirSync(BUILD, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !TEXT.test(entry.name)) continue;
  const file = join(entry.parentPath ?? entry.path, entry.name); // `path` before Node 20.12
  const bytes = readFileSync(file);
  if (bytes.length < 1024) continue; // compression()'s threshold: smaller files go out as they are
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  files++;
  raw += statSync(file).size;
  br += brotli.length;
}
console.log(`precompressed ${files} files of ${BUILD}: ${(raw / 1024).toFixed(0)} KB raw, ${(br / 1024).toFixed(0)} KB brotli`);
