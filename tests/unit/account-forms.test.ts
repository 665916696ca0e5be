import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordSchema, EMAIL_MAX_LENGTH, loginSchema } from "~/domain/account-forms";
import { PASSWORD_MAX_LENGTH } from "~/domain/limits";

/** The messages per field of a failed parse, e.g. { email: ["errors.required"] }. */
function fieldErrors(result: z.SafeParseReturnType<unknown, unknown>): Record<string, string[]> {
  expect(result.success).toBe(false);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const EMAIL = "ilze.krumina@example.lv";
const GOOD = "zaļš vilciens brauc uz Cēsīm";

describe("loginSchema", () => {
  it("accepts an e-mail and password, trimming the e-mail", () => {
    const result = loginSchema.safeParse({ email: `  ${EMAIL} `, password: "anything at all" });
    expect(result.success).toBe(true);
    if (result.success) expect(result.data).toEqual({ email: EMAIL, password: "anything at all" });
  });

  it("keeps an optional redirectTo", () => {
    const result = loginSchema.safeParse({ email: EMAIL, password: "x", redirectTo: "/account" });
    expect(result.success && result.data.redirectTo).toBe("/account");
  });

  it("missing fields are 'errors.required'", () => {
    expect(fieldErrors(loginSchema.safeParse({}))).toEqual({
      email: ["errors.required"],
      password: ["errors.required"],
    });
  });

  it("fields of the wrong type are 'errors.required' too, not zod's English", () => {
    expect(fieldErrors(loginSchema.safeParse({ email: 42, password: null }))).toEqual({
      email: ["errors.required"],
      password: ["errors.required"],
    });
  });

  it("empty fields of a posted form are 'errors.required' (conform turns '' into a missing value)", () => {
    const submission = parseWithZod(formData({ email: "", password: "" }), { schema: loginSchema });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ email: ["errors.required"], password: ["errors.required"] });
  });

  it("a posted form with both fields filled is a success", () => {
    const submission = parseWithZod(formData({ email: EMAIL, password: "secret words" }), { schema: loginSchema });
    expect(submission.status).toBe("success");
  });

  it.each(["not-an-email", "ilze@", "@example.lv", "ilze krumina@example.lv"])("%j is not an e-mail", (email) => {
    expect(fieldErrors(loginSchema.safeParse({ email, password: "x" })).email).toContain("errors.emailInvalid");
  });

  it("a 10,000-character e-mail is an error, not a crash", () => {
    const email = `${"a".repeat(10_000 - "@example.lv".length)}@example.lv`;
    expect(email).toHaveLength(10_000);
    let result: ReturnType<typeof loginSchema.safeParse> | undefined;
    expect(() => (result = loginSchema.safeParse({ email, password: "x" }))).not.toThrow();
    expect(fieldErrors(result!).email).toContain("errors.emailTooLong");
  });

  it("an e-mail of exactly the maximum length passes the length check", () => {
    const domain = "@example.lv";
    const email = `${"a".repeat(EMAIL_MAX_LENGTH - domain.length)}${domain}`;
    const errors = loginSchema.safeParse({ email, password: "x" });
    const messages = errors.success ? [] : errors.error.issues.map((i) => i.message);
    expect(messages).not.toContain("errors.emailTooLong");
    const tooLong = loginSchema.safeParse({ email: `a${email}`, password: "x" });
    expect(fieldErrors(tooLong).email).toContain("errors.emailTooLong");
  });

  it("a password of 10,000 characters is refused before it is ever hashed", () => {
    expect(fieldErrors(loginSchema.safeParse({ email: EMAIL, password: "p".repeat(10_000) })).password).toEqual(["errors.passwordTooLong"]);
  });

  it("any password up to four times the longest allowed is checked, not refused as too long (an old one may be longer)", () => {
    expect(loginSchema.safeParse({ email: EMAIL, password: "p".repeat(PASSWORD_MAX_LENGTH * 4) }).success).toBe(true);
    expect(fieldErrors(loginSchema.safeParse({ email: EMAIL, password: "p".repeat(PASSWORD_MAX_LENGTH * 4 + 1) })).password).toEqual([
      "errors.passwordTooLong",
    ]);
  });

  it("a redirectTo longer than 2000 characters is refused", () => {
    expect(fieldErrors(loginSchema.safeParse({ email: EMAIL, password: "x", redirectTo: "/".repeat(2001) }))).toHaveProperty("redirectTo");
  });
});

describe("changePasswordSchema", () => {
  const schema = changePasswordSchema(EMAIL);
  const valid = { currentPassword: "old password here", newPassword: GOOD, confirmPassword: GOOD };

  it("accepts a good new password typed twice", () => {
    expect(schema.safeParse(valid)).toEqual({ success: true, data: valid });
  });

  it("missing fields are 'errors.required'", () => {
    expect(fieldErrors(schema.safeParse({}))).toEqual({
      currentPassword: ["errors.required"],
      newPassword: ["errors.required"],
      confirmPassword: ["errors.required"],
    });
  });

  it("empty fields of a posted form are 'errors.required'", () => {
    const submission = parseWithZod(formData({ currentPassword: "", newPassword: "", confirmPassword: "" }), {
      schema,
    });
    expect(submission.reply().error).toEqual({
      currentPassword: ["errors.required"],
      newPassword: ["errors.required"],
      confirmPassword: ["errors.required"],
    });
  });

  it("a mismatch is 'errors.passwordMismatch' on confirmPassword", () => {
    expect(fieldErrors(schema.safeParse({ ...valid, confirmPassword: `${GOOD}!` }))).toEqual({
      confirmPassword: ["errors.passwordMismatch"],
    });
  });

  it.each([
    ["short-pass", "errors.passwordTooShort"],
    ["x".repeat(129), "errors.passwordTooLong"],
    ["Password2026!", "errors.passwordCommon"],
    ["aaaaaaaaaaaa", "errors.passwordCommon"],
    [EMAIL, "errors.passwordLikeEmail"],
    ["Ilze.Krumina-2026", "errors.passwordLikeEmail"],
  ])("new password %j → %s", (newPassword, message) => {
    expect(fieldErrors(schema.safeParse({ ...valid, newPassword, confirmPassword: newPassword }))).toEqual({
      newPassword: [message],
    });
  });

  it("the e-mail it compares with is the one the schema was made for", () => {
    expect(
      changePasswordSchema("someone.else@example.lv").safeParse({ ...valid, newPassword: "Ilze.Krumina-2026", confirmPassword: "Ilze.Krumina-2026" }).success,
    ).toBe(true);
  });

  it("a weak new password and a mismatch are both reported, each on its field", () => {
    expect(fieldErrors(schema.safeParse({ ...valid, newPassword: "short", confirmPassword: "other" }))).toEqual({
      newPassword: ["errors.passwordTooShort"],
      confirmPassword: ["errors.passwordMismatch"],
    });
  });

  it("a current password up to four times the longest allowed is read", () => {
    expect(schema.safeParse({ ...valid, currentPassword: "c".repeat(PASSWORD_MAX_LENGTH * 4) }).success).toBe(true);
    expect(fieldErrors(schema.safeParse({ ...valid, currentPassword: "c".repeat(PASSWORD_MAX_LENGTH * 4 + 1) }))).toEqual({
      currentPassword: ["errors.passwordTooLong"],
    });
  });

  it("a 10,000-character current password is refused, not hashed", () => {
    expect(fieldErrors(schema.safeParse({ ...valid, currentPassword: "c".repeat(10_000) }))).toEqual({
      currentPassword: ["errors.passwordTooLong"],
    });
  });
});
