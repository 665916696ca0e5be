/** Small guards that let loaders read top to bottom: they throw responses. */

export function invariantResponse(condition: unknown, message = "Not found", init: ResponseInit = { status: 404 }): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}

/** A same-site path to go back to after login; anything else becomes "/". */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  if (value.length > 2000) return fallback;
  return value;
}
