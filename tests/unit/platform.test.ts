import { describe, expect, it } from "vitest";
import { googleCalendarAddUrl, platformOf } from "~/domain/platform";

describe("platformOf", () => {
  it("knows Android phones, iPhones and iPads, and everything else", () => {
    expect(platformOf("Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")).toBe("android");
    expect(
      platformOf("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
    ).toBe("ios");
    // iPadOS asks for the desktop site: a Macintosh that is "Mobile/".
    expect(platformOf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe(
      "ios",
    );
    expect(platformOf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("other");
    expect(platformOf("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36")).toBe("other");
    expect(platformOf(null)).toBe("other");
    expect(platformOf("")).toBe("other");
    // Only the first 512 characters are read.
    expect(platformOf(`${"x".repeat(600)} Android 14`)).toBe("other");
    expect(platformOf(`${"x".repeat(500)} Android 14`)).toBe("android");
  });
});

describe("googleCalendarAddUrl", () => {
  it("hands Google Calendar the feed as a webcal address, encoded", () => {
    const url = new URL(googleCalendarAddUrl("https://tilts.example.lv/feeds/abc_DEF-123/tilts.ics"));
    expect(url.origin).toBe("https://calendar.google.com");
    expect(url.searchParams.get("cid")).toBe("webcal://tilts.example.lv/feeds/abc_DEF-123/tilts.ics");
    // A plain-http address (a local test server) too; only the scheme at the start is changed.
    expect(new URL(googleCalendarAddUrl("http://localhost:3000/feeds/x/tilts.ics")).searchParams.get("cid")).toBe("webcal://localhost:3000/feeds/x/tilts.ics");
    expect(new URL(googleCalendarAddUrl("webcal://a/?u=https://b")).searchParams.get("cid")).toBe("webcal://a/?u=https://b");
  });
});
