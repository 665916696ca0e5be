/**
 * The organisation's form schemas (app/domain/organisation-forms.ts), field by field: invitations,
 * account actions, records, assignments, passwords set from a link, the statistics filter, and the
 * record's date rules. Written from the mutation run (docs/proofs.md).
 */
import { describe, expect, it } from "vitest";
import { EMAIL_MAX_LENGTH } from "~/domain/account-forms";
import { TITLE_MAX } from "~/domain/limits";
import {
  accountActionSchema,
  assignSchema,
  forgotPasswordSchema,
  inviteStaffSchema,
  inviteYoungPersonSchema,
  recordProblems,
  recordSchema,
  setPasswordSchema,
  statisticsFilterSchema,
} from "~/domain/organisation-forms";
import { CARE_FORMS, EDUCATION_STATUSES, EMPLOYMENT_STATUSES, ROLES } from "~/domain/vocabulary";
import { messageOf, parsed } from "../helpers/schemas";

const EMAIL = "anna.berzina@example.lv";
const longEmail = (length: number) => `${"a".repeat(length - "@example.lv".length)}@example.lv`;

describe("invitations", () => {
  it("a staff invitation: an e-mail, a name and a known role, trimmed", () => {
    for (const role of ROLES) {
      expect(parsed(inviteStaffSchema, { intent: "invite", email: ` ${EMAIL} `, displayName: " Anna Bērziņa ", role })).toEqual({
        intent: "invite",
        email: EMAIL,
        displayName: "Anna Bērziņa",
        role,
      });
    }
    expect(messageOf(inviteStaffSchema, { intent: "invite", email: EMAIL, displayName: "A", role: "boss" }, "role")).toBe("org.errors.roleUnknown");
    expect(messageOf(inviteStaffSchema, { intent: "invite", email: EMAIL, displayName: "A", role: "lead" }, "intent")).toBeNull();
    expect(messageOf(inviteStaffSchema, { intent: "disable", email: EMAIL, displayName: "A", role: "lead" }, "intent")).not.toBeNull();
  });

  it("an e-mail is required, at most its limit, and an e-mail", () => {
    for (const schema of [inviteYoungPersonSchema, forgotPasswordSchema]) {
      const data = (email: unknown) => ({ intent: "invite", email });
      for (const email of [undefined, "", "  ", 5]) expect(messageOf(schema, data(email), "email"), String(email)).toBe("errors.required");
      expect(messageOf(schema, data(longEmail(EMAIL_MAX_LENGTH)), "email")).toBeNull();
      expect(messageOf(schema, data(longEmail(EMAIL_MAX_LENGTH + 1)), "email")).toBe("errors.emailTooLong");
      for (const email of ["anna", "anna@", "@example.lv", "anna berzina@example.lv"])
        expect(messageOf(schema, data(email), "email"), email).toBe("errors.emailInvalid");
    }
    expect(parsed(forgotPasswordSchema, { email: ` ${EMAIL} ` })).toEqual({ email: EMAIL });
    expect(parsed(inviteYoungPersonSchema, { intent: "invite", email: EMAIL })).toEqual({ intent: "invite", email: EMAIL });
    expect(inviteYoungPersonSchema.safeParse({ intent: "", email: EMAIL }).success).toBe(false);
  });

  it("a name is required and at most the title limit", () => {
    const data = (displayName: unknown) => ({ intent: "invite", email: EMAIL, displayName, role: "mentor" });
    for (const displayName of [undefined, "", "   ", 1])
      expect(messageOf(inviteStaffSchema, data(displayName), "displayName"), String(displayName)).toBe("errors.required");
    expect(messageOf(inviteStaffSchema, data("a".repeat(TITLE_MAX)), "displayName")).toBeNull();
    expect(messageOf(inviteStaffSchema, data("a".repeat(TITLE_MAX + 1)), "displayName")).toBe("errors.textTooLong");
  });
});

describe("account actions and assignments", () => {
  it("each intent takes its own id; a role change a known role", () => {
    for (const intent of ["disable", "enable", "reset"]) expect(parsed(accountActionSchema, { intent, userId: "u1" })).toEqual({ intent, userId: "u1" });
    expect(parsed(accountActionSchema, { intent: "revoke", invitationId: "i1" })).toEqual({ intent: "revoke", invitationId: "i1" });
    expect(parsed(accountActionSchema, { intent: "role", userId: "u1", role: "carer" })).toEqual({ intent: "role", userId: "u1", role: "carer" });
    expect(messageOf(accountActionSchema, { intent: "role", userId: "u1", role: "king" }, "role")).toBe("org.errors.roleUnknown");
    for (const userId of [undefined, "", "u".repeat(65), 3])
      expect(messageOf(accountActionSchema, { intent: "disable", userId }, "userId"), String(userId)).toBe("errors.invalid");
    expect(messageOf(accountActionSchema, { intent: "disable", userId: "u".repeat(64) }, "userId")).toBeNull();
    expect(messageOf(accountActionSchema, { intent: "revoke", invitationId: "" }, "invitationId")).toBe("errors.invalid");
    expect(accountActionSchema.safeParse({ intent: "delete", userId: "u1" }).success).toBe(false);
  });

  it("a specialist may be unassigned with an empty choice; a carer needs an id", () => {
    expect(parsed(assignSchema, { intent: "specialist", specialistId: "" })).toEqual({ intent: "specialist" });
    expect(parsed(assignSchema, { intent: "specialist", specialistId: "s1" })).toEqual({ intent: "specialist", specialistId: "s1" });
    expect(messageOf(assignSchema, { intent: "specialist", specialistId: "s".repeat(65) }, "specialistId")).toBe("errors.invalid");
    for (const intent of ["carer", "endCarer"]) {
      expect(parsed(assignSchema, { intent, carerId: "c1" })).toEqual({ intent, carerId: "c1" });
      expect(messageOf(assignSchema, { intent, carerId: "" }, "carerId")).toBe("errors.invalid");
    }
  });
});

describe("a young person's record", () => {
  const record = { displayName: "Jānis", dateOfBirth: "2010-04-02", careForm: "foster_family", municipality: "Cēsis", plannedCareEndDate: "2028-04-02" };

  it("takes every care form; the optional answers may be left empty (not recorded)", () => {
    for (const careForm of CARE_FORMS) expect(parsed(recordSchema, { ...record, careForm })).toEqual({ ...record, careForm });
    expect(parsed(recordSchema, { ...record, educationStatus: "", employmentStatus: "", specialNeeds: "" })).toEqual(record);
    for (const educationStatus of EDUCATION_STATUSES) expect(parsed(recordSchema, { ...record, educationStatus })).toMatchObject({ educationStatus });
    for (const employmentStatus of EMPLOYMENT_STATUSES) expect(parsed(recordSchema, { ...record, employmentStatus })).toMatchObject({ employmentStatus });
    expect(parsed(recordSchema, { ...record, specialNeeds: "yes" })).toMatchObject({ specialNeeds: "yes" });
  });

  it("refuses an unknown care form or answer, a missing name or municipality, a bad date", () => {
    expect(messageOf(recordSchema, { ...record, careForm: "hotel" }, "careForm")).toBe("errors.required");
    expect(messageOf(recordSchema, { ...record, careForm: undefined }, "careForm")).toBe("errors.required");
    for (const field of ["educationStatus", "employmentStatus", "specialNeeds"])
      expect(messageOf(recordSchema, { ...record, [field]: "maybe" }, field), field).toBe("errors.invalid");
    for (const field of ["displayName", "municipality"]) {
      expect(messageOf(recordSchema, { ...record, [field]: " " }, field)).toBe("errors.required");
      expect(messageOf(recordSchema, { ...record, [field]: "a".repeat(TITLE_MAX + 1) }, field)).toBe("errors.textTooLong");
    }
    for (const field of ["dateOfBirth", "plannedCareEndDate"]) {
      expect(messageOf(recordSchema, { ...record, [field]: undefined }, field)).toBe("errors.required");
      expect(messageOf(recordSchema, { ...record, [field]: "2010-02-30" }, field)).toBe("errors.dateInvalid");
      expect(messageOf(recordSchema, { ...record, [field]: "1999-01-01" }, field)).toBe("errors.dateOutOfRange");
    }
  });

  it("no birth in the future; care ends after the birth", () => {
    const today = "2026-12-01";
    expect(recordProblems({ dateOfBirth: today, plannedCareEndDate: "2026-12-02" }, today)).toEqual([]);
    expect(recordProblems({ dateOfBirth: "2026-12-02", plannedCareEndDate: "2030-01-01" }, today)).toEqual([
      { field: "dateOfBirth", error: "org.errors.bornInFuture" },
    ]);
    expect(recordProblems({ dateOfBirth: "2010-01-01", plannedCareEndDate: "2010-01-01" }, today)).toEqual([
      { field: "plannedCareEndDate", error: "org.errors.careEndBeforeBirth" },
    ]);
    expect(recordProblems({ dateOfBirth: "2027-01-01", plannedCareEndDate: "2026-01-01" }, today)).toHaveLength(2);
  });
});

describe("passwords from a link, and the statistics filter", () => {
  it("the new password follows the rules for this e-mail and must be typed twice alike", () => {
    const schema = setPasswordSchema(EMAIL);
    expect(parsed(schema, { newPassword: "zaļš vilciens brauc uz Cēsīm", confirmPassword: "zaļš vilciens brauc uz Cēsīm" })).toEqual({
      newPassword: "zaļš vilciens brauc uz Cēsīm",
      confirmPassword: "zaļš vilciens brauc uz Cēsīm",
    });
    expect(messageOf(schema, { newPassword: "zaļš vilciens brauc uz Cēsīm", confirmPassword: "cits" }, "confirmPassword")).toBe("errors.passwordMismatch");
    expect(messageOf(schema, { newPassword: "short", confirmPassword: "short" }, "newPassword")).toBe("errors.passwordTooShort");
    expect(messageOf(schema, { newPassword: EMAIL, confirmPassword: EMAIL }, "newPassword")).toBe("errors.passwordLikeEmail");
  });

  it("the filter: a care form or none, a municipality trimmed, empty values are no filter", () => {
    expect(parsed(statisticsFilterSchema, { careForm: "", municipality: "" })).toEqual({});
    expect(parsed(statisticsFilterSchema, { careForm: "residential", municipality: " Rīga " })).toEqual({ careForm: "residential", municipality: "Rīga" });
    expect(messageOf(statisticsFilterSchema, { careForm: "tent" }, "careForm")).toBe("errors.invalid");
    expect(messageOf(statisticsFilterSchema, { municipality: "a".repeat(TITLE_MAX) }, "municipality")).toBeNull();
    expect(messageOf(statisticsFilterSchema, { municipality: "a".repeat(TITLE_MAX + 1) }, "municipality")).not.toBeNull();
  });
});
