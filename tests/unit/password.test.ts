import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, COMMON_PASSWORD_WORDS } from "~/domain/common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength, passwordProblem } from "~/domain/password";

/** A long, ordinary passphrase to cut passwords of an exact length from. */
const PROSE =
  "Sniegs krīt uz vecā tilta pār Gauju, un vējš nes maizes smaržu no ceptuves stūrī; rīt brauksim " +
  "uz Siguldu ar pirmo vilcienu, paņemsim termosu ar tēju, slēpes un Mārtiņa zilo cepuri, jo kalnā " +
  "vienmēr ir aukstāks nekā lejā pie upes.";

function cut(length: number): string {
  const value = [...PROSE].slice(0, length).join("");
  expect(passwordLength(value)).toBe(length);
  return value;
}

describe("password length", () => {
  it("the limits are 12 and 128", () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([12, 128]);
  });

  it.each([
    ["vbk3-mopx-q", "tooShort"],
    ["vbk3-mopx-qz", null],
    ["", "tooShort"],
    ["a", "tooShort"],
  ])("%j → %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it("128 characters are accepted, 129 are too long", () => {
    expect(passwordProblem(cut(127))).toBeNull();
    expect(passwordProblem(cut(128))).toBeNull();
    expect(passwordProblem(cut(129))).toBe("tooLong");
    expect(passwordProblem(cut(200))).toBe("tooLong");
  });

  it("counts what a person sees: 'ā' and an emoji are one character each", () => {
    // 12 code points; the bear is two UTF-16 units, so .length would say 13.
    const twelve = "ābols-kūka-🐻";
    expect(twelve.length).toBe(13);
    expect(passwordLength(twelve)).toBe(12);
    expect(passwordProblem(twelve)).toBeNull();

    // 11 code points but 12 UTF-16 units: still too short.
    const eleven = "ābols-kūka🐻";
    expect(eleven.length).toBe(12);
    expect(passwordLength(eleven)).toBe(11);
    expect(passwordProblem(eleven)).toBe("tooShort");

    // 128 code points including emoji (more than 128 UTF-16 units) are not too long.
    const longWithEmoji = cut(124) + "🐻🌲🚆🍞";
    expect(longWithEmoji.length).toBe(132);
    expect(passwordLength(longWithEmoji)).toBe(128);
    expect(passwordProblem(longWithEmoji)).toBeNull();
    expect(passwordProblem(longWithEmoji + "🐻")).toBe("tooLong");
  });

  it("a password must contain letters: emoji alone count as symbols and are refused", () => {
    expect(passwordProblem("🐻".repeat(11))).toBe("tooShort");
    expect(passwordProblem("🐻".repeat(12))).toBe("common");
    expect(passwordProblem("🐻🌲🚆🍞🌧️🎒🧣🏔️🛶🍵🧤🔑")).toBe("common");
    expect(passwordProblem("lācis 🐻 mežā 🌲 vilciens 🚆")).toBeNull();
  });
});

describe("common passwords", () => {
  const atLeastTwelve = COMMON_PASSWORDS.filter((p) => passwordLength(p) >= PASSWORD_MIN_LENGTH);

  it("the list has entries to refuse", () => {
    expect(atLeastTwelve.length).toBeGreaterThan(50);
  });

  it.each(atLeastTwelve)("%j is refused as common, in any letter case", (password) => {
    expect(passwordProblem(password)).toBe("common");
    expect(passwordProblem(password.toUpperCase())).toBe("common");
  });

  it("shorter list entries are refused as too short", () => {
    for (const password of COMMON_PASSWORDS.filter((p) => passwordLength(p) < PASSWORD_MIN_LENGTH)) {
      expect(passwordProblem(password), password).toBe("tooShort");
    }
  });

  it("Latvian letters typed decomposed (NFD) are still recognised", () => {
    expect(passwordProblem("parolēparole".normalize("NFD"))).toBe("common");
    expect(passwordProblem("mīlestība123".normalize("NFD"))).toBe("common");
  });

  it.each([
    "Password2026!",
    "parole-123456",
    "!!Parole!!1990",
    "Qwerty_2026_!!",
    "Tilts 2026 !!!",
    "Latvija-1918-2026",
    "  iloveyou  2026",
    "ПАРОЛЬ-2026-!!",
    "Mīlestība-2026",
  ])("%j is a common word dressed with digits and symbols", (password) => {
    expect(passwordProblem(password)).toBe("common");
  });

  it("every listed word is refused however it is dressed", () => {
    for (const word of COMMON_PASSWORD_WORDS) {
      const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
      const dressed = `${capitalised}-${"2026".repeat(3)}!`;
      expect(passwordProblem(dressed), dressed).toBe("common");
      expect(passwordProblem(`## ${word} 1990 ##!`), word).toBe("common");
    }
  });

  it.each(["aaaaaaaaaaaa", "abcdefghijklm", "1212121212121", "abcabcabcabc", "zyxwvutsrqpo", "987654321098", "xyxyxyxyxyxy", "qwerqwerqwer"])(
    "%j is a repeat or a sequence",
    (password) => {
      expect(passwordProblem(password)).toBe("common");
    },
  );

  it.each(["2026-03-10 !!", "839201746352", "!@#$%^&*()_+-="])("%j has no letters at all", (password) => {
    expect(passwordProblem(password)).toBe("common");
  });

  it.each(["a-b-c-d-e-f-g-h", "1a1a1a1a1a1a1a", "x1x2x3x4x5x6x7"])("%j is a repeat once digits and symbols are taken out", (password) => {
    expect(passwordProblem(password)).toBe("common");
  });
});

describe("passwords like the e-mail address", () => {
  const email = "janis.berzins@example.lv";

  it.each([
    ["janis.berzins@example.lv", "the e-mail itself"],
    ["Janis.Berzins@Example.LV", "in other letter case"],
    ["janis.berzins@example.lv!", "with something added"],
    ["my janis.berzins@example.lv", "inside a longer password"],
    ["JanisBerzins-2026", "the local part, dressed with digits and symbols"],
    ["janis.berzins.1990", "the local part with a year"],
  ])("%j is refused (%s)", (password) => {
    expect(passwordProblem(password, { email })).toBe("likeEmail");
  });

  it("surrounding whitespace in the given e-mail does not matter", () => {
    expect(passwordProblem("janis.berzins@example.lv", { email: "  Janis.Berzins@example.lv " })).toBe("likeEmail");
  });

  it("without an e-mail to compare with, the same password passes", () => {
    expect(passwordProblem("janis.berzins@example.lv")).toBeNull();
    expect(passwordProblem("janis.berzins@example.lv", { email: "" })).toBeNull();
  });

  it("a very short local part does not make every password 'like the e-mail'", () => {
    expect(passwordProblem("ann-at-the-seaside-2026", { email: "ann@example.lv" })).toBeNull();
  });

  it("a different person's e-mail is fine", () => {
    expect(passwordProblem("janis.berzins@example.lv", { email: "ilze.krumina@example.lv" })).toBeNull();
  });
});

describe("good passwords", () => {
  it("the demo password is accepted, also for the demo accounts' e-mails", () => {
    expect(passwordProblem("tilts-demo-parole")).toBeNull();
    for (const email of ["youth.transition@demo.test", "specialist@demo.test", "admin@demo.test"]) {
      expect(passwordProblem("tilts-demo-parole", { email })).toBeNull();
    }
  });

  it.each([
    "zaļš vilciens brauc uz Cēsīm",
    "correct-kettle-orbit-meadow",
    "Kaķis guļ uz radiatora 3x",
    "мой кот спит на батарее",
    "my password is a poem about rain",
    "vbk3-mopx-qz",
  ])("%j is accepted", (password) => {
    expect(passwordProblem(password)).toBeNull();
    expect(passwordProblem(password, { email: "janis.berzins@example.lv" })).toBeNull();
  });

  it("a common word inside a longer passphrase is fine", () => {
    expect(passwordProblem("parole ir mana slepenā dziesma")).toBeNull();
  });
});
