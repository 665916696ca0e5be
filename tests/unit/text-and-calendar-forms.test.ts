/**
 * Small pieces every form and download reaches: control characters taken out of typed text
 * (app/domain/text.ts), the calendar page's forms (calendar-forms.ts) and an item's download address
 * (download-path.ts). Written from the mutation run (docs/proofs.md).
 */
import { describe, expect, it } from "vitest";
import { TITLE_CHOICES } from "~/domain/calendar";
import { calendarTitlesSchema, markReadSchema } from "~/domain/calendar-forms";
import { downloadPath } from "~/domain/download-path";
import { withoutControlCharacters } from "~/domain/text";
import { messageOf, parsed } from "../helpers/schemas";

describe("withoutControlCharacters", () => {
  it("takes out every control character but tab and line breaks, at each end of each range", () => {
    const removed = [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f];
    const kept = [0x09, 0x0a, 0x0d, 0x20, 0x7e, 0x80, 0xa0];
    for (const code of removed) expect(withoutControlCharacters(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe("ab");
    for (const code of kept) expect(withoutControlCharacters(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe(`a${String.fromCharCode(code)}b`);
  });

  it("takes out all of them, not only the first; keeps letters of every language", () => {
    expect(withoutControlCharacters("\u0000\u0000x\u0000y\u0000")).toBe("xy");
    expect(withoutControlCharacters("\u0000".repeat(50))).toBe("");
    expect(withoutControlCharacters("Jānis ✓ Ж ķēniņš 🙂")).toBe("Jānis ✓ Ж ķēniņš 🙂");
  });
});

describe("the calendar page's forms", () => {
  it("titles are generic or full; anything else is told to choose", () => {
    for (const titles of TITLE_CHOICES) expect(parsed(calendarTitlesSchema, { titles })).toEqual({ titles });
    for (const titles of [undefined, "", "all", "FULL"])
      expect(messageOf(calendarTitlesSchema, { titles }, "titles"), String(titles)).toBe("calendar.errors.titles");
  });

  it("'mark all as read' takes up to 5000 keys of 1–200 characters", () => {
    expect(parsed(markReadSchema, { key: ["a", "k".repeat(200)] })).toEqual({ key: ["a", "k".repeat(200)] });
    expect(parsed(markReadSchema, { key: Array(5000).fill("k") })).toEqual({ key: Array(5000).fill("k") });
    expect(markReadSchema.safeParse({ key: Array(5001).fill("k") }).success).toBe(false);
    expect(markReadSchema.safeParse({ key: [""] }).success).toBe(false);
    expect(markReadSchema.safeParse({ key: ["k".repeat(201)] }).success).toBe(false);
    expect(markReadSchema.safeParse({ key: "k" }).success).toBe(false);
  });
});

describe("downloadPath", () => {
  it("is the plan's item under its plural, ending in event.ics", () => {
    expect(downloadPath("yp-1", "goal", "g-1")).toBe("/plan/yp-1/goals/g-1/event.ics");
    expect(downloadPath("yp-1", "meeting", "m-2")).toBe("/plan/yp-1/meetings/m-2/event.ics");
  });
});
