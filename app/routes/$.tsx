import type { TranslationHandle } from "~/utils/i18n";

/**
 * Any address no other route has: a 404 that the root's error page shows with the header, the language
 * switch and a <title> (without this route Remix runs no loader for it, and the page had none of them).
 */
export const handle: TranslationHandle = { i18n: [] };

export function loader(): never {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
