/**
 * Which phone the page is on, from the User-Agent (issue 14): Android's calendar does not open webcal://
 * links and Google's "From URL" needs a computer, so the calendar page leads with what works there.
 * A guess that only reorders help; every path stays on the page.
 */
export type Platform = "android" | "ios" | "other";

export function platformOf(userAgent: string | null | undefined): Platform {
  const ua = (userAgent ?? "").slice(0, 512);
  if (/\bAndroid\b/i.test(ua)) return "android";
  if (/\b(iPhone|iPad|iPod)\b/.test(ua) || (/\bMacintosh\b/.test(ua) && /\bMobile\//.test(ua))) return "ios";
  return "other";
}

/** Google Calendar's "add this calendar" address for a feed: opens Google Calendar with the feed to confirm. */
export function googleCalendarAddUrl(feedHttpsUrl: string): string {
  const webcal = feedHttpsUrl.replace(/^https?:\/\//, "webcal://");
  return `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`;
}
