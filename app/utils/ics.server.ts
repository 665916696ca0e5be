/**
 * iCalendar text (RFC 5545) from calendar event specs (app/domain/calendar.ts), written with
 * ical-generator's calendar head and our own VEVENT writer (decision 024: the same bytes as its
 * event.toString(), which cost most of a 1,000-event feed). Around it (docs/decisions/008-calendar-feeds.md):
 * - Timed events carry TZID=Europe/Riga and the calendar a VTIMEZONE for it; the calendar itself has no
 *   time zone, so DTSTAMP keeps its "Z" (a calendar-wide zone drops it, which RFC 5545 forbids).
 * - ical-generator 10's `calendar.toString()` folds lines with a new TextEncoder per character: about
 *   300 ms for a feed of 1,000 events. We let it write the calendar's head and each event, and fold the
 *   lines ourselves the same way (checked against its `foldLines` in tests/unit/ics.test.ts). 11.x fixes
 *   this but needs Node 22.
 */
import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod } from "ical-generator";
import { parseIsoDate } from "~/domain/dates";
import { FEED_REFRESH_SECONDS, type CalendarEventSpec } from "~/domain/calendar";

export const RIGA = "Europe/Riga";

/**
 * Europe/Riga since 1997 (EU rules): EEST from the last Sunday of March 03:00 to the last Sunday of
 * October 04:00. Calendar apps use it to place TZID=Europe/Riga times; ical.js checks it in the tests.
 */
const RIGA_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${RIGA}`,
  `X-LIC-LOCATION:${RIGA}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0300",
  "TZNAME:EEST",
  "DTSTART:19700329T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0300",
  "TZOFFSETTO:+0200",
  "TZNAME:EET",
  "DTSTART:19701025T040000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** An event spec with its texts translated. */
export interface WrittenEvent extends Omit<CalendarEventSpec, "summary" | "description"> {
  summary: string;
  description: string;
}

export interface CalendarText {
  /** X-WR-CALNAME: what the calendar app calls the subscription. */
  name?: string;
  /** Absolute URLs of the events are made from this origin ("https://tilts.example"). */
  origin: string;
  /** A subscription feed gets refresh hints; a single downloaded event gets METHOD:PUBLISH. */
  purpose: "feed" | "file";
  /** The language of the texts (PRODID). */
  language: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Midnight UTC of a YYYY-MM-DD day: an all-day event's date, whatever the server's time zone. */
function dayStart(date: string): Date {
  const match = ISO_DAY.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function rigaTime(date: string, time: string): TZDate {
  const parts = parseIsoDate(date)!;
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new TZDate(parts.year, parts.month - 1, parts.day, hours, minutes, 0, RIGA);
}

const two = (n: number) => (n < 10 ? "0" : "") + n;
const four = (n: number) => String(n).padStart(4, "0");

/** YYYYMMDD of a moment, in UTC. */
function utcDay(ms: number): string {
  const d = new Date(ms);
  return four(d.getUTCFullYear()) + two(d.getUTCMonth() + 1) + two(d.getUTCDate());
}

/** YYYYMMDDTHHMMSSZ of a moment (DTSTAMP). */
function utcStamp(ms: number): string {
  const d = new Date(ms);
  return utcDay(ms) + "T" + two(d.getUTCHours()) + two(d.getUTCMinutes()) + two(d.getUTCSeconds()) + "Z";
}

/** YYYYMMDDTHHMMSS of a moment on Riga's clock (with TZID=Europe/Riga). */
function rigaStamp(d: TZDate): string {
  return (
    String(d.getFullYear()).padStart(2, "0") + two(d.getMonth() + 1) + two(d.getDate()) + "T" + two(d.getHours()) + two(d.getMinutes()) + two(d.getSeconds())
  );
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => "\\" + c).replace(/\r\n|\r|\n/g, "\\n");
}

/** A DURATION of signed seconds ("-PT15H", "-P1D", "PT0S"), written as ical-generator writes it. */
function duration(seconds: number): string {
  let out = seconds < 0 ? "-P" : "P";
  let left = Math.abs(seconds);
  if (left >= 86_400) {
    out += Math.floor(left / 86_400) + "D";
    left %= 86_400;
    if (!left) return out;
  }
  out += "T";
  if (left >= 3600) {
    out += Math.floor(left / 3600) + "H";
    left %= 3600;
  }
  if (left >= 60) {
    out += Math.floor(left / 60) + "M";
    left %= 60;
  }
  if (left > 0) out += left + "S";
  else if (out.length <= 3) out += "0S";
  return out;
}

/** The reminder: before the start, or (a negative "before") after the end. */
function trigger(minutesBefore: number): string {
  return minutesBefore < 0 ? "TRIGGER;RELATED=END:" + duration(-minutesBefore * 60) : "TRIGGER:" + duration(-minutesBefore * 60);
}

/**
 * One VEVENT, written directly: the same lines, in the same order, as ical-generator's event.toString()
 * for the fields we use (tests/unit/ics.test.ts compares them byte for byte), at a fraction of its cost
 * (its objects, setters and date handling were most of a 1,000-event feed's time).
 */
function eventText(spec: WrittenEvent, origin: string): string {
  let g = "BEGIN:VEVENT\r\nUID:" + spec.uid + "\r\nSEQUENCE:" + spec.sequence + "\r\nDTSTAMP:" + utcStamp(spec.stamp) + "\r\n";
  if (spec.time !== null) {
    let start = rigaTime(spec.date, spec.time);
    let end = new TZDate(start.getTime() + spec.durationMinutes * 60_000, RIGA);
    if (end.getTime() < start.getTime()) [start, end] = [end, start];
    g += `DTSTART;TZID=${RIGA}:${rigaStamp(start)}\r\nDTEND;TZID=${RIGA}:${rigaStamp(end)}\r\n`;
  } else {
    const start = dayStart(spec.date).getTime();
    g +=
      "DTSTART;VALUE=DATE:" +
      utcDay(start) +
      "\r\nDTEND;VALUE=DATE:" +
      utcDay(start + DAY_MS) +
      "\r\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nX-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE\r\n";
  }
  const summary = escapeText(spec.summary);
  // A deadline does not make anyone busy; a meeting does.
  g += "SUMMARY:" + summary + "\r\nTRANSP:" + (spec.time !== null ? "OPAQUE" : "TRANSPARENT") + "\r\n";
  g += "DESCRIPTION:" + escapeText(spec.description) + "\r\n";
  g += "BEGIN:VALARM\r\nACTION:DISPLAY\r\n" + trigger(spec.reminderMinutesBefore) + "\r\nDESCRIPTION:" + summary + "\r\nEND:VALARM\r\n";
  return g + "URL;VALUE=URI:" + escapeText(origin + spec.path) + "\r\nEND:VEVENT\r\n";
}

/** Bytes of one UTF-16 unit that is not part of a surrogate pair, as TextEncoder would encode it. */
function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}

/** Anything but printable ASCII (a space to "~"): such lines are counted octet by octet. */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** Folds one content line (no CRLF inside) after every 74 octets. */
function foldLine(line: string): string {
  // One octet per character (every event's URL line): 74 characters per piece, without counting.
  if (!NOT_PRINTABLE_ASCII.test(line)) {
    let out = line.slice(0, 74);
    for (let at = 74; at < line.length; at += 74) out += "\r\n " + line.slice(at, at + 74);
    return out;
  }
  let out = "";
  let start = 0;
  let bytes = 0;
  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff;
    // A high surrogate takes the next unit with it (4 octets as a pair; 3 alone at the end).
    const width = pair ? (i + 1 < line.length ? 4 : 3) : utf8Length(code);
    bytes += width;
    if (bytes > 74) {
      out += line.slice(start, i) + "\r\n ";
      start = i;
      bytes = width;
    }
    i += pair ? 2 : 1;
  }
  return out + line.slice(start);
}

/**
 * RFC 5545 line folding exactly as ical-generator's `foldLines` does it (at most 74 octets, then CRLF and
 * a space; surrogate pairs kept together), without a TextEncoder per character. Runs of lines that need
 * no folding are copied as they are.
 */
export function foldContentLines(text: string): string {
  let out = "";
  let copied = 0;
  let start = 0;
  for (;;) {
    const found = text.indexOf("\r\n", start);
    const end = found === -1 ? text.length : found;
    const length = end - start;
    // At most 3 octets per UTF-16 unit: 24 units always fit; up to 74 units fit when they are 74 octets.
    if (length > 24 && (length > 74 || Buffer.byteLength(text.slice(start, end)) > 74)) {
      out += text.slice(copied, start) + foldLine(text.slice(start, end));
      copied = end;
    }
    if (found === -1) break;
    start = end + 2;
  }
  return out + text.slice(copied);
}

/** A VCALENDAR with these events: a subscription feed, or a single event to download. */
export function writeCalendar(events: readonly WrittenEvent[], options: CalendarText): string {
  const data = {
    prodId: { company: "Tilts", product: "Tilts", language: options.language.toUpperCase() },
    name: options.name ?? null,
    ttl: options.purpose === "feed" ? FEED_REFRESH_SECONDS : null,
    method: options.purpose === "file" ? ICalCalendarMethod.PUBLISH : null,
  };
  // The head from an empty calendar of the same settings ("…END:VCALENDAR" cut off), then the time zone
  // the timed events need, the events, and the end.
  const empty = ical(data).toString();
  const head = empty.slice(0, empty.lastIndexOf("END:VCALENDAR"));
  const zone = events.some((e) => e.time !== null) ? RIGA_VTIMEZONE + "\r\n" : "";
  let body = "";
  for (const spec of events) body += eventText(spec, options.origin);
  return head + foldContentLines(zone + body) + "END:VCALENDAR";
}
