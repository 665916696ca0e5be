/**
 * Failed-login limiter, in memory (one server process; a restart forgets, which errs towards letting
 * people in). Keys are per account (the e-mail as typed, known or not, so it does not tell which
 * accounts exist) and per client address.
 */

interface Bucket {
  failures: number[];
}

export interface LimitRule {
  max: number;
  windowMs: number;
}

export const ACCOUNT_LIMIT: LimitRule = { max: 8, windowMs: 15 * 60_000 };
/**
 * Per client address, for browsers without a device cookie of the account they try: high enough for a
 * care home's Wi-Fi or a mobile carrier's shared address, low enough to slow a spray over many accounts.
 */
export const ADDRESS_LIMIT: LimitRule = { max: 100, windowMs: 15 * 60_000 };

const buckets = new Map<string, Bucket>();
const MAX_KEYS = 50_000;

function recent(key: string, rule: LimitRule, nowMs: number): number[] {
  const bucket = buckets.get(key);
  if (!bucket) return [];
  bucket.failures = bucket.failures.filter((t) => nowMs - t < rule.windowMs);
  if (bucket.failures.length === 0) buckets.delete(key);
  return bucket.failures;
}

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function retryAfterMs(key: string, rule: LimitRule, nowMs = Date.now()): number {
  const failures = recent(key, rule, nowMs);
  if (failures.length < rule.max) return 0;
  const oldest = failures[failures.length - rule.max] ?? nowMs;
  return Math.max(0, rule.windowMs - (nowMs - oldest));
}

export function recordFailure(key: string, nowMs = Date.now()): void {
  if (buckets.size >= MAX_KEYS && !buckets.has(key)) {
    // Bounded memory: drop the oldest key rather than grow without end under a spray of addresses.
    const first = buckets.keys().next().value;
    if (first !== undefined) buckets.delete(first);
  }
  const bucket = buckets.get(key) ?? { failures: [] };
  bucket.failures.push(nowMs);
  buckets.set(key, bucket);
}

export function clearFailures(key: string): void {
  buckets.delete(key);
}

/** Tests only. */
export function resetRateLimits(): void {
  buckets.clear();
}
