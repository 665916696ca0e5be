/**
 * Conditional GET (RFC 9110 §13) for responses that calendar apps poll: an ETag and a Last-Modified,
 * and 304 Not Modified when the client already has this version. Whatever the client sends in the
 * headers, the answer is a 304 or the full body — never an error.
 */

/** Header values longer than this are not a real client's list of ETags; they are ignored. */
const MAX_HEADER_LENGTH = 4096;

function opaqueTag(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith("W/") ? trimmed.slice(2) : trimmed;
}

/** Does an If-None-Match header name this ETag? Weak comparison, as RFC 9110 asks for If-None-Match. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.length > MAX_HEADER_LENGTH) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const ours = opaqueTag(etag);
  return ifNoneMatch.split(",").some((tag) => opaqueTag(tag) === ours);
}

/** Is the resource unchanged since the If-Modified-Since date? (HTTP dates have whole seconds.) */
export function unchangedSince(ifModifiedSince: string, lastModifiedMs: number): boolean {
  if (ifModifiedSince.length > 100) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModifiedMs / 1000) <= Math.floor(since / 1000);
}

export interface Representation {
  body: string | Uint8Array;
  etag: string;
  lastModifiedMs: number;
  headers: Record<string, string>;
}

/** 304 when the request's validators match (If-None-Match wins over If-Modified-Since), else 200 with the body. */
export function conditionalResponse(request: Request, representation: Representation): Response {
  const headers = new Headers(representation.headers);
  headers.set("ETag", representation.etag);
  headers.set("Last-Modified", new Date(representation.lastModifiedMs).toUTCString());
  const ifNoneMatch = request.headers.get("If-None-Match");
  const ifModifiedSince = request.headers.get("If-Modified-Since");
  const notModified =
    ifNoneMatch !== null
      ? etagMatches(ifNoneMatch, representation.etag)
      : ifModifiedSince !== null && unchangedSince(ifModifiedSince, representation.lastModifiedMs);
  if (notModified) {
    headers.delete("Content-Type");
    headers.delete("Content-Disposition");
    headers.delete("Content-Encoding");
    return new Response(null, { status: 304, headers });
  }
  // A Uint8Array is a body for undici's Response; the DOM types of this TypeScript version do not say so.
  return new Response(request.method === "HEAD" ? null : (representation.body as BodyInit), { status: 200, headers });
}
