/** The cross-site check compares scheme and host; PUBLIC_URL, when set, is the one origin links and checks use. */
import { afterEach, describe, expect, test } from "vitest";
import { isSameOrigin, linkOrigin } from "~/utils/security.server";

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, TRUST_PROXY: process.env.TRUST_PROXY };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe("isSameOrigin", () => {
  test("an Origin with the request's host but another scheme is cross-site", () => {
    expect(isSameOrigin("POST", headers({ Host: "tilts.example", Origin: "http://tilts.example" }), "https")).toBe(false);
    expect(isSameOrigin("POST", headers({ Host: "tilts.example", Origin: "https://tilts.example" }), "https")).toBe(true);
    expect(isSameOrigin("POST", headers({ Host: "tilts.example", Origin: "https://tilts.example" }), "http:")).toBe(false);
  });

  test("behind our own proxy the scheme is X-Forwarded-Proto's", () => {
    process.env.TRUST_PROXY = "1";
    const forwarded = { Host: "10.0.0.2:3000", "X-Forwarded-Host": "tilts.example", "X-Forwarded-Proto": "https" };
    expect(isSameOrigin("POST", headers({ ...forwarded, Origin: "https://tilts.example" }), "http")).toBe(true);
    expect(isSameOrigin("POST", headers({ ...forwarded, Origin: "http://tilts.example" }), "http")).toBe(false);
  });

  test("with PUBLIC_URL, only its origin passes, whatever the Host header says", () => {
    process.env.PUBLIC_URL = "https://tilts.example.lv/";
    expect(isSameOrigin("POST", headers({ Host: "evil.example", Origin: "https://evil.example" }), "https")).toBe(false);
    expect(isSameOrigin("POST", headers({ Host: "evil.example", Origin: "https://tilts.example.lv" }), "http")).toBe(true);
    expect(isSameOrigin("POST", headers({ Host: "tilts.example.lv", Origin: "http://tilts.example.lv" }), "http")).toBe(false);
  });

  test("GET, HEAD and OPTIONS are never refused; Sec-Fetch-Site decides when present", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(isSameOrigin(method, headers({ Origin: "https://evil.example" }))).toBe(true);
    expect(isSameOrigin("POST", headers({ "Sec-Fetch-Site": "same-origin", Origin: "https://evil.example" }))).toBe(true);
    expect(isSameOrigin("POST", headers({ "Sec-Fetch-Site": "cross-site", Host: "a", Origin: "http://a" }))).toBe(false);
  });
});

describe("linkOrigin", () => {
  test("is the request's origin without PUBLIC_URL", () => {
    expect(linkOrigin(new Request("http://localhost:3000/calendar"))).toBe("http://localhost:3000");
  });

  test("is PUBLIC_URL's origin when it is set, so a forged Host never reaches a secret link", () => {
    process.env.PUBLIC_URL = "https://tilts.example.lv/some/path";
    expect(linkOrigin(new Request("http://evil.example/calendar"))).toBe("https://tilts.example.lv");
  });

  test("ignores a PUBLIC_URL that is not an http(s) origin", () => {
    for (const value of ["javascript:alert(1)", "not a url", "ftp://tilts.example"]) {
      process.env.PUBLIC_URL = value;
      expect(linkOrigin(new Request("http://localhost:3000/calendar"))).toBe("http://localhost:3000");
    }
  });
});
