/**
 * The server's clock. Everything that asks "what day is it?" goes through here, so tests can move
 * time to the edges of phases and windows. TILTS_TODAY (YYYY-MM-DD) is honoured outside production only.
 */
import { isIsoDate, todayInRiga, type IsoDate } from "~/domain/dates";
import { isProduction, runtimeEnv } from "./env.server";

let frozen: Date | null = null;

export function now(): Date {
  if (frozen) return new Date(frozen);
  return new Date();
}

export function today(): IsoDate {
  const forced = runtimeEnv("TILTS_TODAY");
  if (!frozen && forced && !isProduction() && isIsoDate(forced)) return forced;
  return todayInRiga(now());
}

/** Tests only: freeze the clock at `at` (or release it with null). */
export function setClock(at: Date | string | null): void {
  frozen = at === null ? null : new Date(at);
}
