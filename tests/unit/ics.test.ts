/**
 * The iCalendar writer (app/utils/ics.server.ts): our line folding is ical-generator's, byte for byte;
 * all-day dates and Riga times come out the same whatever the server's time zone; DTSTAMP keeps its Z;
 * the VTIMEZONE is there when (and only when) a timed event needs it; ical.js reads it all back.
 */
import ICAL from "ical.js";
import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import ical, { foldLines, ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import { isMainThread } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { foldContentLines, writeCalendar, type WrittenEvent } from "~/utils/ics.server";

const deadline: WrittenEvent = {
  uid: "step-1@tilts",
  sequence: 7,
  stamp: Date.UTC(2026, 1, 3, 8, 9, 10),
  date: "2026-03-29",
  time: null,
  durationMinutes: 0,
  reminderMinutesBefore: 900,
  summary: "Tilts: mājokļa termiņš, nākamais; vēl",
  description: "Rinda viens\nRinda divi",
  path: "/plan/p/goals/g#steps",
};
const summerMeeting: WrittenEvent = {
  ...deadline,
  uid: "meeting-1@tilts",
  date: "2026-07-15",
  time: "18:30",
  durationMinutes: 60,
  reminderMinutesBefore: 60,
  summary: "Tikšanās",
};
const winterMeeting: WrittenEvent = { ...summerMeeting, uid: "meeting-2@tilts", date: "2026-01-15", time: "09:00" };
// The night the clocks go forward in Riga: 29 March 2026, 03:00 EET becomes 04:00 EEST.
const dstMeeting: WrittenEvent = { ...summerMeeting, uid: "meeting-3@tilts", date: "2026-03-29", time: "10:00" };

const FEED = { origin: "https://tilts.example", purpose: "feed", language: "lv", name: "Tilts — mans plāns" } as const;

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

function lines(text: string): string[] {
  return text.replace(/\r\n /g, "").split("\r\n");
}

describe("line folding", () => {
  const samples = [
    "",
    "SHORT:line",
    `DESCRIPTION:${"a".repeat(200)}`,
    `SUMMARY:${"ā".repeat(100)}`,
    `SUMMARY:${"Жильё — ".repeat(30)}`,
    `SUMMARY:${"x".repeat(73)}📅${"y".repeat(80)}`,
    `SUMMARY:${"😀".repeat(40)}`,
    `A:${"b".repeat(72)}\r\nB:${"ķ".repeat(60)}\r\n\r\nC:end`,
    `LONE:${"z".repeat(72)}\ud83d`,
    `LONE2:${"z".repeat(70)}\udc00\ud83dq`,
    `S:${"ж".repeat(40)}\r\nshort\r\n${"€".repeat(25)}\r\n`,
    "\r\n",
    `${"a".repeat(74)}\r\n${"b".repeat(75)}`,
    // ASCII lines are cut every 74 characters without counting (decision 036): one, two and three folds.
    `URL;VALUE=URI:https://tilts.example/plan/${"x".repeat(36)}/goals/${"y".repeat(36)}\r\nA:${"c".repeat(148)}\r\nB:${"d".repeat(220)}\r\n${"e".repeat(148)}`,
  ];
  it.each(samples.map((s, i) => [i, s]))("sample %i folds exactly as ical-generator's foldLines", (_i, sample) => {
    expect(foldContentLines(sample)).toBe(foldLines(sample));
  });

  it("no folded line is longer than 75 octets", () => {
    const folded = foldContentLines(`SUMMARY:${"Ā😀a".repeat(100)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe("a feed", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("has a name, refresh hints, no calendar-wide time zone, and a VTIMEZONE for the timed events", () => {
    const text = writeCalendar([deadline, summerMeeting], FEED);
    const all = lines(text);
    expect(all[0]).toBe("BEGIN:VCALENDAR");
    expect(all.at(-1)).toBe("END:VCALENDAR");
    expect(all).toEqual(expect.arrayContaining(["X-WR-CALNAME:Tilts — mans plāns", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"]));
    expect(all.filter((l) => l === "BEGIN:VTIMEZONE")).toHaveLength(1);
    expect(all.some((l) => l.startsWith("X-WR-TIMEZONE") || l.startsWith("TIMEZONE-ID"))).toBe(false);
    expect(all.filter((l) => l.startsWith("DTSTAMP:"))).toEqual(["DTSTAMP:20260203T080910Z", "DTSTAMP:20260203T080910Z"]);
    expect(all).toEqual(expect.arrayContaining(["DTSTART;VALUE=DATE:20260329", "DTEND;VALUE=DATE:20260330"]));
    expect(all).toEqual(expect.arrayContaining(["DTSTART;TZID=Europe/Riga:20260715T183000", "DTEND;TZID=Europe/Riga:20260715T193000"]));
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it("has no VTIMEZONE when every event is all-day", () => {
    expect(writeCalendar([deadline], FEED)).not.toContain("VTIMEZONE");
  });

  it("reads back in ical.js: texts, all-day dates, Riga times in summer, winter and on the night the clocks change", () => {
    const { calendar, events } = parse(writeCalendar([deadline, summerMeeting, winterMeeting, dstMeeting], FEED));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tilts — mans plāns");
    const [first, summer, winter, dst] = events;
    expect(first!.summary).toBe(deadline.summary);
    expect(first!.description).toBe("Rinda viens\nRinda divi");
    expect(first!.startDate.isDate).toBe(true);
    expect(first!.startDate.toString()).toBe("2026-03-29");
    expect(first!.component.getFirstPropertyValue("url")).toBe("https://tilts.example/plan/p/goals/g#steps");
    expect(first!.sequence).toBe(7);
    const utc = (event: InstanceType<typeof ICAL.Event>) => event.startDate.toJSDate().toISOString();
    expect(summer!.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Riga");
    expect(summer!.startDate.zone?.tzid).toBe("Europe/Riga");
    expect(utc(summer!)).toBe("2026-07-15T15:30:00.000Z");
    expect(utc(winter!)).toBe("2026-01-15T07:00:00.000Z");
    expect(utc(dst!)).toBe("2026-03-29T07:00:00.000Z");
    expect(summer!.endDate.toJSDate().toISOString()).toBe("2026-07-15T16:30:00.000Z");
  });

  it("has reminders: 09:00 the day before a deadline, an hour before a meeting", () => {
    const { events } = parse(writeCalendar([deadline, summerMeeting], FEED));
    const trigger = (event: InstanceType<typeof ICAL.Event>) => event.component.getFirstSubcomponent("valarm")!.getFirstPropertyValue("trigger")!.toString();
    expect(events.map(trigger)).toEqual(["-PT15H", "-PT1H"]);
    expect(events[0]!.component.getFirstSubcomponent("valarm")!.getFirstPropertyValue("action")).toBe("DISPLAY");
  });

  // A worker thread cannot change the process's zone (the mutation runs use threads): only in a process.
  it.runIf(isMainThread).each(["UTC", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"])("is the same text when the server runs in %s", (zone) => {
    process.env.TZ = "Europe/Riga";
    const reference = writeCalendar([deadline, summerMeeting, winterMeeting, dstMeeting], FEED);
    const rigaOffset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    process.env.TZ = zone;
    // The process really runs in the other zone now.
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).not.toBe(rigaOffset);
    expect(writeCalendar([deadline, summerMeeting, winterMeeting, dstMeeting], FEED)).toBe(reference);
  });
});

describe("a single event to download", () => {
  it("is METHOD:PUBLISH without refresh hints or a name", () => {
    const all = lines(writeCalendar([deadline], { origin: "https://tilts.example", purpose: "file", language: "en" }));
    expect(all).toContain("METHOD:PUBLISH");
    expect(all).toContain("PRODID:-//Tilts//Tilts//EN");
    expect(all.some((l) => l.startsWith("REFRESH-INTERVAL") || l.startsWith("X-WR-CALNAME"))).toBe(false);
  });
});

/**
 * The VEVENTs are written by hand (decision 024); ical-generator's own event.toString(), driven as the
 * writer drove it before, is the reference they must match byte for byte, for any texts, dates, times
 * (the nights the clocks change too), lengths and reminders.
 */
describe("the hand-written events", () => {
  function reference(events: readonly WrittenEvent[], options: typeof FEED | typeof FILE): string {
    const data = {
      prodId: { company: "Tilts", product: "Tilts", language: options.language.toUpperCase() },
      name: "name" in options ? options.name : null,
      ttl: options.purpose === "feed" ? 3600 : null,
      method: options.purpose === "file" ? ICalCalendarMethod.PUBLISH : null,
    };
    const calendar = ical(data);
    for (const spec of events) {
      const timed = spec.time !== null;
      const [year, month, day] = spec.date.split("-").map(Number) as [number, number, number];
      const [hours, minutes] = (spec.time ?? "00:00").split(":").map(Number) as [number, number];
      const start = timed ? new TZDate(year, month - 1, day, hours, minutes, 0, "Europe/Riga") : new Date(Date.UTC(year, month - 1, day));
      calendar
        .createEvent({
          id: spec.uid,
          sequence: spec.sequence,
          stamp: new Date(spec.stamp),
          start,
          end: timed ? new TZDate(start.getTime() + spec.durationMinutes * 60_000, "Europe/Riga") : new Date(start.getTime() + 86_400_000),
          allDay: !timed,
          timezone: timed ? "Europe/Riga" : null,
          summary: spec.summary,
          description: spec.description,
          url: options.origin + spec.path,
          transparency: timed ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
        })
        .createAlarm({ type: ICalAlarmType.display, trigger: spec.reminderMinutesBefore * 60 });
    }
    return calendar
      .events()
      .map((event) => foldLines(event.toString()))
      .join("");
  }
  const FILE = { origin: "https://t.example", purpose: "file", language: "ru" } as const;
  const eventsOf = (text: string) => text.slice(text.indexOf("BEGIN:VEVENT"), text.lastIndexOf("END:VCALENDAR"));

  it("match ical-generator's for the known events", () => {
    const events = [deadline, summerMeeting, winterMeeting, dstMeeting, { ...deadline, description: "", reminderMinutesBefore: 0 }];
    expect(eventsOf(writeCalendar(events, FEED))).toBe(reference(events, FEED));
  });

  it("match ical-generator's for any event", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "ā", "Ж", "😀", ",", ";", "\\", "\n", "\r\n", " ", ":", '"'), maxLength: 120 });
    const event = fc.record({
      uid: fc.constantFrom("step-1@tilts", "meeting-x@tilts"),
      sequence: fc.nat(1000),
      stamp: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      date: fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      time: fc.option(
        fc
          .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      ),
      durationMinutes: fc.integer({ min: 0, max: 3000 }),
      reminderMinutesBefore: fc.integer({ min: -3000, max: 3000 }),
      summary: text,
      description: text,
      path: fc.constantFrom("/plan/p/goals/g#steps", "/plan/p/mentoring?x=1,2;3"),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 4 }), (events) => {
        expect(eventsOf(writeCalendar(events, FILE))).toBe(events.length ? reference(events, FILE) : "");
      }),
      { numRuns: 400 },
    );
    // The nights the clocks change in Riga, every half hour.
    const nights = ["2026-03-29", "2026-10-25"].flatMap((date) =>
      Array.from({ length: 12 }, (_, i) => ({
        ...summerMeeting,
        date,
        time: `${String(i >> 1).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
        durationMinutes: 90,
      })),
    );
    expect(eventsOf(writeCalendar(nights, FEED))).toBe(reference(nights, FEED));
  });
});
