/**
 * Password rules tests/unit/password.test.ts does not pin (found by mutation testing, docs/proofs.md):
 * two letters only, a block repeated to a length that is not a multiple of it, a common word dressed
 * with digits and symbols, and the e-mail address itself.
 */
import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/domain/password";

describe("passwordProblem", () => {
  it("two different characters only, in any order, is common", () => {
    expect(passwordProblem("aaaaaaaaaaab")).toBe("common");
    expect(passwordProblem("babababaaabb")).toBe("common");
  });
  it("a short block repeated and cut off is common", () => {
    expect(passwordProblem("abcabcabcabca")).toBe("common");
    expect(passwordProblem("wxyzwxyzwxyzw")).toBe("common");
  });
  it("a common word with digits, spaces and symbols around it is common", () => {
    expect(passwordProblem("Password2026!")).toBe("common");
    expect(passwordProblem("parole - 123456")).toBe("common");
    expect(passwordProblem("!!!!2026 ....")).toBe("common");
  });
  it("the e-mail address, or a password that contains it, is like the e-mail", () => {
    const email = "kalnina.anna@piemers.lv";
    expect(passwordProblem(email, { email })).toBe("likeEmail");
    expect(passwordProblem(`Mans ${email} 77`, { email: ` ${email.toUpperCase()} ` })).toBe("likeEmail");
    expect(passwordProblem("Kalnina.Anna.2026", { email })).toBe("likeEmail");
    expect(passwordProblem("zils kalns pie upes", { email })).toBeNull();
  });
});
