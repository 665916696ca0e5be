/**
 * After a form comes back with errors, keep the page's data as it is: reloading it would give the
 * create forms a new one-time token, remount them and lose what the user typed.
 */
import type { ShouldRevalidateFunction } from "@remix-run/react";

export const keepDataAfterFormErrors: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  const result = (actionResult as { result?: { status?: string } } | undefined)?.result;
  if (result?.status === "error") return false;
  return defaultShouldRevalidate;
};
