import { describe, expect, it } from "vitest";
import { monthStartOf, tickReward, weekOf, weekSummary } from "~/domain/progress";
import { clearFlash, readFlash, saved, tickedStep } from "~/utils/flash.server";

describe("weekOf", () => {
  it("runs Monday to Sunday", () => {
    expect(weekOf("2026-12-01")).toEqual({ start: "2026-11-30", end: "2026-12-06" }); // a Tuesday
    expect(weekOf("2026-11-30")).toEqual({ start: "2026-11-30", end: "2026-12-06" }); // Monday
    expect(weekOf("2026-12-06")).toEqual({ start: "2026-11-30", end: "2026-12-06" }); // Sunday
    expect(weekOf("2027-01-01")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
  });
  it("knows the month's first day", () => {
    expect(monthStartOf("2026-12-17")).toBe("2026-12-01");
  });
});

describe("weekSummary", () => {
  const base = { today: "2026-12-01", doneThisWeek: 2, doneThisMonth: 3, dueThisWeek: 1, mentorName: "Pēteris" };
  it("names this week's meeting and who it is with", () => {
    expect(weekSummary({ ...base, nextMeeting: { on: "2026-12-03", time: "17:30" } }).meeting).toEqual({
      on: "2026-12-03",
      time: "17:30",
      withName: "Pēteris",
    });
  });
  it("leaves out a meeting after Sunday or in the past", () => {
    expect(weekSummary({ ...base, nextMeeting: { on: "2026-12-07", time: null } }).meeting).toBeNull();
    expect(weekSummary({ ...base, nextMeeting: { on: "2026-11-30", time: null } }).meeting).toBeNull();
  });
});

describe("tickReward", () => {
  const counts = [
    { domain: "housing" as const, done: 2, total: 4 },
    { domain: "legal" as const, done: 3, total: 3 },
  ];
  it("says what the tick moved, and when a part is complete", () => {
    expect(tickReward({ title: "Call the landlord", domain: "housing", doneAt: 1 }, counts)).toEqual({
      stepTitle: "Call the landlord",
      domain: "housing",
      done: 2,
      total: 4,
      complete: false,
    });
    expect(tickReward({ title: "Passport photo", domain: "legal", doneAt: 1 }, counts)?.complete).toBe(true);
  });
  it("says nothing for a step that is not done (unticked since) or not found", () => {
    expect(tickReward({ title: "x", domain: "housing", doneAt: null }, counts)).toBeNull();
    expect(tickReward(null, counts)).toBeNull();
  });
});

describe("the saved message's cookie", () => {
  const request = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
  it("carries a known key, and nothing else", () => {
    const setCookie = saved("stepDone").headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^tilts_flash=stepDone; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax/);
    expect(readFlash(request("a=b; tilts_flash=stepDone"))).toEqual({ key: "stepDone" });
    // An older cookie's `key.<id>` still says its key.
    expect(readFlash(request("tilts_flash=stepDone.step_123"))).toEqual({ key: "stepDone" });
    expect(readFlash(request("tilts_flash=<script>"))).toBeNull();
    expect(readFlash(request("tilts_flash=saved.<b>"))).toEqual({ key: "saved" });
    expect(readFlash(request(""))).toBeNull();
    expect(clearFlash()).toMatch(/^tilts_flash=; Path=\/; Max-Age=0/);
  });
});

describe("the ticked step's cookie", () => {
  const request = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
  const readTicked = (cookie: string) => tickedStep.read(request(cookie))?.[0] ?? null;
  it("names one step id, apart from the flash, and nothing that is not an id", () => {
    const headers = saved("stepDone").headers;
    headers.append("Set-Cookie", tickedStep.keep(["step_123"]));
    expect(headers.get("Set-Cookie")).toMatch(/^tilts_flash=stepDone; .*, tilts_ticked=step_123; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    expect(readTicked("tilts_flash=stepDone; tilts_ticked=step_123")).toBe("step_123");
    // Clearing the flash leaves the ticked step for the home to read.
    expect(readTicked("tilts_flash=; tilts_ticked=step_123")).toBe("step_123");
    expect(readTicked("tilts_ticked=<b>")).toBeNull();
    expect(readTicked("tilts_flash=stepDone")).toBeNull();
    expect(tickedStep.clear()).toMatch(/^tilts_ticked=; Path=\/; Max-Age=0/);
  });
});
