/**
 * Which language a request gets, through the real root loader (app/root.tsx): ?lng= first, then the
 * logged-in user's profile, then the tilts_lng cookie, then Latvian. Malformed input falls back. Only the
 * language switch's POST (and logging in) writes the profile.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import { browserRequest, freshDatabase, routeArgs, sessionCookieFor, settle, userByEmail } from "../helpers/db";
import type { Locale } from "~/domain/vocabulary";
import { handleDataRequest } from "~/entry.server";
import { loader as rootLoader } from "~/root";
import { action as languageAction } from "~/routes/language";
import { translationManifest } from "~/utils/i18n.server";
import { action as loginAction } from "~/routes/login";
import { getDb } from "~/utils/db.server";

interface RootJson {
  locale: Locale;
  user: { displayName: string; role: string; email: string } | null;
}

async function rootData(path: string, cookie?: string): Promise<RootJson> {
  const { response, thrown } = await settle(() => rootLoader(routeArgs(browserRequest(path, { cookie }))));
  expect(thrown).toBe(false);
  expect(response.status).toBe(200);
  return (await response.json()) as RootJson;
}

function setProfileLocale(email: string, locale: Locale) {
  getDb().update(users).set({ locale }).where(eq(users.email, email)).run();
}

const EMAIL = "youth.transition@demo.test";

beforeEach(async () => {
  await freshDatabase();
});

describe("someone not logged in", () => {
  test("gets Latvian by default, with only Latvian strings (as catalogue files, none in the loader data)", async () => {
    const data = await rootData("/login");
    expect(data.locale).toBe("lv");
    expect(data).not.toHaveProperty("resources");
    const manifest = translationManifest(data.locale, ["login"]);
    expect([...Object.values(manifest.files), manifest.all].every((url) => url.startsWith("/i18n/lv/"))).toBe(true);
    expect(data.user).toBeNull();
  });

  test("gets the tilts_lng cookie's language", async () => {
    expect((await rootData("/login", "tilts_lng=ru")).locale).toBe("ru");
    expect((await rootData("/login", "other=1; tilts_lng=en; x=y")).locale).toBe("en");
  });

  test("?lng= wins over the cookie", async () => {
    const data = await rootData("/login?lng=en", "tilts_lng=ru");
    expect(data.locale).toBe("en");
    expect(translationManifest(data.locale, []).files.root).toMatch(/^\/i18n\/en\/root\.[0-9a-f]{12}\.json$/);
  });

  test.each([
    ['?lng=xx"><script>alert(1)</script>'],
    [`?lng=${encodeURIComponent('xx"><script>alert(1)</script>')}`],
    ["?lng="],
    ["?lng"],
    ["?lng=EN"],
    ["?lng=de"],
    ["?lng=%E0%A4%A"],
    ["?lng=en-GB"],
  ])("a malformed %s is ignored and falls back (never throws)", async (query) => {
    expect((await rootData(`/login${query}`)).locale).toBe("lv");
    expect((await rootData(`/login${query}`, "tilts_lng=ru")).locale).toBe("ru");
  });

  test("a malformed cookie is ignored", async () => {
    expect((await rootData("/login", 'tilts_lng="><script>')).locale).toBe("lv");
    expect((await rootData("/login", "tilts_lng=")).locale).toBe("lv");
    expect((await rootData("/login", "tilts_lng")).locale).toBe("lv");
  });
});

describe("someone logged in", () => {
  test("gets their profile's language over the cookie", async () => {
    setProfileLocale(EMAIL, "ru");
    const data = await rootData("/", `${sessionCookieFor(EMAIL)}; tilts_lng=en`);
    expect(data.locale).toBe("ru");
    expect(data.user).toEqual({
      displayName: "Jānis Ozols",
      role: "youth",
      email: EMAIL,
      unreadNotifications: expect.any(Number),
      hasCalendar: true,
      help: { youngPersonId: expect.any(String), kind: "first" },
    });
  });

  test("?lng= wins over the profile for that page, but a GET never writes the profile", async () => {
    expect(userByEmail(EMAIL).locale).toBe("lv");
    const cookie = sessionCookieFor(EMAIL);
    const data = await rootData("/?lng=ru", `${cookie}; tilts_lng=en`);
    expect(data.locale).toBe("ru");
    expect(userByEmail(EMAIL).locale).toBe("lv");
    expect((await rootData("/", cookie)).locale).toBe("lv");
  });

  test("a malformed ?lng= changes nothing", async () => {
    setProfileLocale(EMAIL, "en");
    const cookie = sessionCookieFor(EMAIL);
    for (const query of ['?lng=xx"><script>', "?lng=", "?lng=RU"]) {
      expect((await rootData(`/${query}`, cookie)).locale).toBe("en");
    }
    expect(userByEmail(EMAIL).locale).toBe("en");
  });

  test("only the user's own profile changes", async () => {
    await rootData("/?lng=en", sessionCookieFor(EMAIL));
    expect(userByEmail("mentor@demo.test").locale).toBe("lv");
  });
});

describe("logging in", () => {
  async function login(cookie?: string) {
    const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
    const { response } = await settle(() => loginAction(routeArgs(browserRequest("/login", { headers, form: { email: EMAIL, password: DEMO_PASSWORD } }))));
    expect(response.status).toBe(302);
  }

  test("with a tilts_lng=en cookie sets the profile's language to en", async () => {
    await login("tilts_lng=en");
    expect(userByEmail(EMAIL).locale).toBe("en");
  });

  test("without a cookie, or with a malformed one, leaves the profile's language alone", async () => {
    setProfileLocale(EMAIL, "ru");
    await login();
    expect(userByEmail(EMAIL).locale).toBe("ru");
    await login('tilts_lng="><b>');
    expect(userByEmail(EMAIL).locale).toBe("ru");
  });

  test("a failed login changes no one's language", async () => {
    const { response } = await settle(() =>
      loginAction(routeArgs(browserRequest("/login", { headers: { Cookie: "tilts_lng=en" }, form: { email: EMAIL, password: "wrong-password-1" } }))),
    );
    expect(response.status).toBe(400);
    expect(userByEmail(EMAIL).locale).toBe("lv");
  });
});

describe("the language switch (POST /language)", () => {
  async function choose(form: Record<string, string>, cookie?: string, headers?: Record<string, string>) {
    return settle(() => languageAction(routeArgs(browserRequest("/language", { cookie, form, headers }))));
  }

  test("sets the cookie and the profile, and goes back to the page it was on", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const { response } = await choose({ lng: "ru", back: "/plan/x/housing?tab=2" }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/plan/x/housing?tab=2");
    expect(response.headers.get("Set-Cookie")).toContain("tilts_lng=ru");
    expect(userByEmail(EMAIL).locale).toBe("ru");
    expect((await rootData("/", cookie)).locale).toBe("ru");
  });

  test("someone not logged in gets the cookie only", async () => {
    const { response } = await choose({ lng: "en", back: "/login?redirectTo=%2Faccount" });
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
    expect(response.headers.get("Set-Cookie")).toContain("tilts_lng=en");
  });

  test("an unknown language changes nothing; an off-site back goes home", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const unknown = await choose({ lng: "de", back: "/account" }, cookie);
    expect(unknown.response.headers.get("Location")).toBe("/account");
    expect(unknown.response.headers.get("Set-Cookie")).toBeNull();
    expect(userByEmail(EMAIL).locale).toBe("lv");
    const offSite = await choose({ lng: "en", back: "//evil.example/x" }, cookie);
    expect(offSite.response.headers.get("Location")).toBe("/");
  });

  test("a cross-site post is refused and changes no profile", async () => {
    const { response, thrown } = await choose({ lng: "ru", back: "/" }, sessionCookieFor(EMAIL), { "Sec-Fetch-Site": "cross-site" });
    expect(thrown).toBe(true);
    expect(response.status).toBe(403);
    expect(userByEmail(EMAIL).locale).toBe("lv");
  });
});

describe("the language cookie (app/entry.server.tsx)", () => {
  function dataResponse(path: string) {
    const request = browserRequest(path);
    return handleDataRequest(new Response("{}"), routeArgs(request)) as Response;
  }

  test("?lng=en is remembered in a tilts_lng cookie", () => {
    const setCookie = dataResponse("/?lng=en").headers.get("Set-Cookie");
    expect(setCookie).toContain("tilts_lng=en");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain("SameSite=Lax");
  });

  test("a malformed ?lng= sets no cookie", () => {
    expect(dataResponse('/?lng=xx"><script>').headers.get("Set-Cookie")).toBeNull();
    expect(dataResponse("/?lng=").headers.get("Set-Cookie")).toBeNull();
  });
});
