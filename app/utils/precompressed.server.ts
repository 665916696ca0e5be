/**
 * Precompressed bytes: the client build's copies (scripts/precompress-assets.mjs writes `<file>.br` and
 * `<file>.gz` next to each hashed JS and CSS file; docs/decisions/040-cheaper-compression.md).
 */

export type Precompressed = "br" | "gzip";

/**
 * Which precompressed copy a request's Accept-Encoding takes: brotli when it accepts it, else gzip,
 * else none (the file as it is). Like the compression package, brotli is preferred over gzip at equal
 * q whatever the header's order ("gzip, deflate, br" gets brotli), but a higher q wins; `q=0` refuses
 * and `*` stands for any coding the header does not name.
 */
export function pickPrecompressed(acceptEncoding: string | undefined | null): Precompressed | null {
  const of = codingWeights(acceptEncoding);
  if (!of) return null;
  const br = of("br");
  const gzip = of("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return null;
}

/** Does the request take gzip (q > 0, named or through `*`)? */
export function acceptsGzip(acceptEncoding: string | undefined | null): boolean {
  return (codingWeights(acceptEncoding)?.("gzip") ?? 0) > 0;
}

/** Each coding's q in an Accept-Encoding header (`*` for those it does not name), or null without one. */
function codingWeights(acceptEncoding: string | undefined | null): ((coding: string) => number) | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [coding, ...params] = part.toLowerCase().split(";");
    const name = coding!.trim();
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "q") weight = Number(value);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return (coding: string) => q.get(coding) ?? q.get("*") ?? 0;
}
