import { createHmac, randomBytes } from "node:crypto";
import { withoutControlCharacters } from "~/domain/text";

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
  // Parse it as a browser would: browsers drop tabs and newlines ("/\t/evil.example" is "//evil.example",
  // another site), and a Location header cannot carry control or non-Latin-1 characters (a 500).
  const base = "http://tilts.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // The parser collapses dot segments after the first check ("/..//evil.example" has the path
  // "//evil.example", another site for a browser), so the parsed path is checked again.
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

// Signs this process's form tokens, so that a kept page (app/utils/kept-page.server.ts) can
// tell them from text that only looks like one (a title someone typed).
const FORM_TOKEN_KEY = randomBytes(32);
const formTokenMac = (random: string) => createHmac("sha256", FORM_TOKEN_KEY).update(random).digest().subarray(0, 6).toString("base64url");

/** Anything shaped like a form token (`ft_` and 24 characters); `isFormToken` says whether it is one. */
export const FORM_TOKEN_SHAPE = /ft_[A-Za-z0-9_-]{24}/g;

/**
 * A one-time token for a create form, so a double tap is recognised as the same submission: 96 random
 * bits and a signature of this process.
 */
export function newFormToken(): string {
  const random = randomBytes(12).toString("base64url");
  return `ft_${random}${formTokenMac(random)}`;
}

/** Whether `text` (shaped as FORM_TOKEN_SHAPE) is a token newFormToken made in this process. */
export function isFormToken(text: string): boolean {
  return text.length === 27 && text.startsWith("ft_") && formTokenMac(text.slice(3, 19)) === text.slice(19);
}

/**
 * The posted form, or a 400 when the body is not a form (a JSON post, a broken upload) — never a 500.
 * Every text field comes back without control characters (app/domain/text.ts), so no schema has to
 * remember them.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let posted: FormData;
  try {
    posted = await request.formData();
  } catch {
    throw new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const cleaned = new FormData();
  for (const [name, value] of posted) {
    cleaned.append(withoutControlCharacters(name), typeof value === "string" ? withoutControlCharacters(value) : value);
  }
  return cleaned;
}
