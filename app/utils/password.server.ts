/** Password hashing: argon2id with OWASP's parameters (m=19456 KiB, t=2, p=1); cheaper only in tests. */
import { hash, verify } from "@node-rs/argon2";
import { runtimeEnv } from "./env.server";

function options() {
  return runtimeEnv("NODE_ENV") === "test" ? { memoryCost: 1024, timeCost: 1, parallelism: 1 } : { memoryCost: 19456, timeCost: 2, parallelism: 1 };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options());
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a hash; without a hash (unknown e-mail) it still spends the same work
 * on a dummy hash, so timing does not tell whether an account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("tilts-timing-equaliser-not-a-password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
