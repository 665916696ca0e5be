/**
 * Renders documents on the server: a CSP nonce per request, security headers on every response,
 * the language cookie when `?lng=` chose one, and no stack traces for users.
 *
 * The document is rendered to one string (docs/decisions/009-fast-pages.md): no page suspends, so a
 * stream bought nothing but cost a compressor flush per 2 KB chunk (gzip 2.2× larger) and React 18's
 * stream pads a chunk with NUL bytes when a multi-byte character meets its 2,048-byte boundary.
 * `renderToString` gives clean UTF-8 and one body the compressor sees once. The header and <main> are
 * kept by the request's address and data and not rendered again for the same (app/utils/kept-page.server.ts).
 */
import type { ActionFunctionArgs, EntryContext, HandleDataRequestFunction, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { localeCookie, requestedLocale } from "~/utils/i18n.server";
import { NonceProvider } from "~/utils/nonce";
import { applySecurityHeaders, createNonce, redactSecrets } from "~/utils/security.server";
import { documentResponse } from "~/utils/document-body.server";
import { KeptPageProvider } from "~/utils/kept-page";
import { keepPage, keptPageOf, withKeptPage } from "~/utils/kept-page.server";

function rememberLocale(request: Request, headers: Headers): void {
  const locale = requestedLocale(request);
  if (locale) headers.append("Set-Cookie", localeCookie(locale));
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = createNonce();
  applySecurityHeaders(responseHeaders, nonce);
  rememberLocale(request, responseHeaders);
  // The page as rendered before for the same address and data, if it was (decision 043).
  const kept = keptPageOf(remixContext.staticHandlerContext, responseStatusCode);
  const render = (useKept: boolean) =>
    renderToString(
      <NonceProvider value={nonce}>
        <KeptPageProvider value={useKept}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </KeptPageProvider>
      </NonceProvider>,
    );
  let html = kept?.html != null ? withKeptPage(render(true), kept.html) : null;
  // Whether the page was rendered or kept, for whoever looks at the response (a browser's network panel).
  responseHeaders.set("Server-Timing", `page;desc="${html !== null ? "kept" : "rendered"}"`);
  if (html === null) {
    html = render(false);
    if (kept) keepPage(kept, html, nonce);
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // One Buffer, written by app/server.ts in one piece (app/utils/document-body.server.ts).
  return documentResponse(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  applySecurityHeaders(response.headers);
  rememberLocale(request, response.headers);
  return response;
};

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  // An unknown URL (or a 4xx a route chose) is not a fault of ours: the request log has its line.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // Logged for operators; users only ever see the translated error page.
  console.error(`[tilts] ${request.method} ${redactSecrets(new URL(request.url).pathname)}:`, error);
}
