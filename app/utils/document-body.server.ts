/**
 * The finished document as one Buffer (docs/decisions/036-what-every-request-pays.md): entry.server.tsx
 * encodes the HTML string once and hands the same bytes to the Response (what Remix and the tests see)
 * and, under a registered symbol, to app/server.ts, which writes them with one `res.end()` instead of
 * reading the Response's stream and flushing the compressor after the chunk (the Express adapter's way).
 * The symbol is registered (`Symbol.for`) because the server and the Remix build are two bundles.
 */
const DOCUMENT_BODY = Symbol.for("tilts.documentBody");

type WithBody = Response & { [DOCUMENT_BODY]?: Buffer };

export function documentResponse(html: string, init: ResponseInit): Response {
  const body = Buffer.from(html, "utf8");
  const response: WithBody = new Response(body, init);
  response[DOCUMENT_BODY] = body;
  return response;
}

/** The bytes of a document made by documentResponse, unless something has read its body since. */
export function documentBody(response: Response): Buffer | null {
  const body = (response as WithBody)[DOCUMENT_BODY];
  return body && !response.bodyUsed ? body : null;
}
