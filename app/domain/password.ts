/** Password rules: 12–128 characters, not a common password (DESIGN.md, issue 2). */
import { COMMON_PASSWORDS, COMMON_PASSWORD_WORDS } from "./common-passwords";

// The lengths live with the other input limits, so pages can show them without the list of common passwords.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./limits";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "likeEmail";

const commonPasswords = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));
const commonWords = new Set(COMMON_PASSWORD_WORDS.map((w) => w.toLowerCase()));

function isRepeatOrSequence(value: string): boolean {
  if (new Set(value).size <= 2) return true;
  // A short block repeated ("abcabcabc…", "1212…").
  for (let size = 1; size <= 4; size++) {
    const block = value.slice(0, size);
    if (block.repeat(Math.ceil(value.length / size)).slice(0, value.length) === value) return true;
  }
  // One long run of consecutive characters ("0123456789…", "abcdefghijkl").
  let ascending = true;
  let descending = true;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (step !== 1) ascending = false;
    if (step !== -1) descending = false;
  }
  return ascending || descending;
}

/** Counted in Unicode code points, so "ā" is one character as a person sees it. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase().normalize("NFC");
  if (commonPasswords.has(lower) || isRepeatOrSequence(lower)) return "common";
  // A common word dressed with digits, spaces and symbols ("Password2026!", "parole-123456").
  const core = lower.replace(/[\d\s\p{P}\p{S}]+/gu, "");
  if (core.length === 0 || commonWords.has(core) || commonPasswords.has(core) || isRepeatOrSequence(core)) {
    return "common";
  }
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const local = email.split("@")[0] ?? "";
    if (lower === email || lower.includes(email) || (local.length >= 4 && core === local.replace(/[\d\p{P}\p{S}]+/gu, ""))) {
      return "likeEmail";
    }
  }
  return null;
}
