/** Secret tokens for links (calendar feeds, invitations, password resets): only their hash is stored. */
import { createHash, randomBytes } from "node:crypto";

/** 24 random bytes: 192 bits, 32 characters of base64url. */
const TOKEN_BYTES = 24;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
