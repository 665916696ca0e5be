/**
 * Translations: every file in app/locales/{lv,en,ru} has the same keys, the right plural forms for each
 * language (CLDR, via Intl.PluralRules), no empty strings and the same placeholders; the files are all
 * loaded; every key the code uses exists in all three languages; and i18next really picks the right
 * plural form.
 *
 * The files are split by area for editing and merged into the one "common" namespace by
 * app/utils/i18n.server.ts; only fallback.json stays a namespace of its own (app/components/fallback-message.ts).
 */
import { AUDIENCES, SECTIONS } from "~/domain/sharing";
import { FLASH_KEYS } from "~/utils/flash.server";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fallbackMessage } from "~/components/fallback-message";
import { COST_KEYS, DUTY_VALUE_KINDS, ENVELOPE_CATEGORIES, INCOME_CATEGORIES, POT_KINDS, RHYTHMS, SUPPORT_FREQUENCIES, SUPPORT_KINDS } from "~/domain/budget";
import { FEED_KINDS, MILESTONES } from "~/domain/calendar";
import { NOTIFICATION_KINDS } from "~/domain/notifications";
import { EMAIL_MAX_LENGTH } from "~/domain/account-forms";
import { PHASES } from "~/domain/phase";
import { HELP_STATUSES } from "~/domain/help";
import { WELLBEING_SCORES } from "~/domain/wellbeing";
import { WORKLIST_KINDS } from "~/domain/worklist";
import { CASE_ACTIONS, ORGANISATION_ACTIONS } from "~/domain/policy";
import { READINESS_STAGES } from "~/domain/readiness";
import { PLAN_EVENT_KINDS } from "~/domain/plan-history";
import { LIFE_SKILLS } from "~/domain/life-skills";
import {
  CONTACT_CHANNELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  DOMAINS,
  GOAL_STATUSES,
  LOCALES,
  MENTORSHIP_CLOSE_REASONS,
  MENTORSHIP_STATUSES,
  OWNERS,
  ROLES,
  SKILL_STATES,
  CARE_FORMS,
  EDUCATION_STATUSES,
  EMPLOYMENT_STATUSES,
  SPECIAL_NEEDS_ANSWERS,
  type Locale,
} from "~/domain/vocabulary";
import { AGE_GROUPS, DIMENSIONS, NOT_RECORDED } from "~/domain/statistics";
import { FELT_HEARD_ANSWERS, FOCUS_REASONS, PARTICIPANT_KINDS, REVIEW_STATUSES } from "~/domain/reviews";
import { createI18n, DEFAULT_NAMESPACE, NAMESPACES, ROOT_TRANSLATIONS } from "~/utils/i18n";
import { resourcesFor, SERVER_ONLY_TRANSLATIONS } from "~/utils/i18n.server";

const APP = fileURLToPath(new URL("../../app/", import.meta.url));
const LOCALES_DIR = join(APP, "locales");

// ---------------------------------------------------------------------------------------------------
// Loading and flattening the JSON files.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

/** { a: { b: "x" } } → { "a.b": "x" }; non-string leaves are kept so the test can complain about them. */
function flatten(value: Json, prefix = "", into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix] = value;
  }
  return into;
}

const PLURAL_SUFFIXES = ["zero", "one", "two", "few", "many", "other"] as const;
const PLURAL_SUFFIX = new RegExp(`_(${PLURAL_SUFFIXES.join("|")})$`);

function splitPlural(key: string): { base: string; category: string | null } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: key.slice(0, -match[0].length), category: match[1]! } : { base: key, category: null };
}

const namespaceFiles = Object.fromEntries(
  LOCALES.map((lang) => [
    lang,
    readdirSync(join(LOCALES_DIR, lang))
      .filter((f) => f.endsWith(".json"))
      .sort(),
  ]),
) as Record<Locale, string[]>;
const NAMESPACE_FILES = namespaceFiles.lv;

/** flat[namespace][lang] = { "full.key_one": "…" } */
const flat: Record<string, Record<Locale, Record<string, unknown>>> = Object.fromEntries(
  NAMESPACE_FILES.map((file) => [
    file.replace(/\.json$/, ""),
    Object.fromEntries(LOCALES.map((lang) => [lang, flatten(readJson(join(LOCALES_DIR, lang, file)))])) as Record<Locale, Record<string, unknown>>,
  ]),
);

/** The one namespace that is not merged into "common". */
const SEPARATE_NAMESPACE = "fallback";
const MERGED_FILES = NAMESPACE_FILES.filter((file) => file !== `${SEPARATE_NAMESPACE}.json`);

/** What the app really loads as the "common" namespace of a language, flattened. */
function loadedCommon(lang: Locale): Record<string, unknown> {
  const resources = resourcesFor(lang)[lang] ?? {};
  return flatten((resources[DEFAULT_NAMESPACE] ?? {}) as Json);
}

/** base key → plural categories present (empty set for a plain key), per namespace and language. */
function baseKeys(entries: Record<string, unknown>): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of Object.keys(entries)) {
    const { base, category } = splitPlural(key);
    const categories = bases.get(base) ?? new Set<string>();
    if (category) categories.add(category);
    bases.set(base, categories);
  }
  return bases;
}

function pluralCategories(lang: Locale): string[] {
  return [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
}

/** Placeholder names; a format after the comma ("{{date, gen}}", decision 021) is the language's own choice. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.split(",")[0]!.trim());
}

// ---------------------------------------------------------------------------------------------------

describe("locale files", () => {
  it("each language has the same files, and the namespaces the app loads exist", () => {
    expect(NAMESPACE_FILES.length).toBeGreaterThan(0);
    for (const lang of LOCALES) expect(namespaceFiles[lang], lang).toEqual(NAMESPACE_FILES);
    for (const ns of [...NAMESPACES, DEFAULT_NAMESPACE, SEPARATE_NAMESPACE]) {
      expect(NAMESPACE_FILES).toContain(`${ns}.json`);
    }
  });

  it("every file except fallback.json is loaded into the common namespace, none overwriting another", () => {
    const problems: string[] = [];
    for (const lang of LOCALES) {
      const loaded = loadedCommon(lang);
      const owner = new Map<string, string>();
      for (const file of MERGED_FILES) {
        const json = readJson(join(LOCALES_DIR, lang, file)) as Record<string, Json>;
        for (const top of Object.keys(json)) {
          if (owner.has(top)) problems.push(`${lang}: "${top}" is in both ${owner.get(top)} and ${file}`);
          owner.set(top, file);
        }
        for (const [key, value] of Object.entries(flatten(json))) {
          if (loaded[key] !== value) problems.push(`${lang}/${file}: "${key}" is not what i18n.server.ts loads`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the loaded common namespace has nothing that is not in a file", () => {
    for (const lang of LOCALES) {
      const fromFiles = new Set(MERGED_FILES.flatMap((file) => Object.keys(flatten(readJson(join(LOCALES_DIR, lang, file))))));
      expect(
        Object.keys(loadedCommon(lang)).filter((key) => !fromFiles.has(key)),
        lang,
      ).toEqual([]);
    }
  });

  it("Intl knows the plural categories this test expects (lv: zero/one/other, en: one/other, ru: one/few/many/other)", () => {
    expect(pluralCategories("lv")).toEqual(["one", "other", "zero"]);
    expect(pluralCategories("en")).toEqual(["one", "other"]);
    expect(pluralCategories("ru")).toEqual(["few", "many", "one", "other"]);
  });
});

type PerLang = Record<Locale, Record<string, unknown>>;

function allBaseKeys(perLang: PerLang) {
  const bases = Object.fromEntries(LOCALES.map((lang) => [lang, baseKeys(perLang[lang])])) as Record<Locale, Map<string, Set<string>>>;
  return { bases, all: [...new Set(LOCALES.flatMap((lang) => [...bases[lang].keys()]))].sort() };
}

/** Base keys missing from a language. */
function missingKeyProblems(perLang: PerLang): string[] {
  const { bases, all } = allBaseKeys(perLang);
  return LOCALES.flatMap((lang) => all.filter((base) => !bases[lang].has(base)).map((base) => `${lang}: ${base}`));
}

/** Plural keys whose categories differ from the language's CLDR categories. */
function pluralProblems(perLang: PerLang): string[] {
  const { bases, all } = allBaseKeys(perLang);
  const problems: string[] = [];
  for (const base of all.filter((b) => LOCALES.some((lang) => (bases[lang].get(b)?.size ?? 0) > 0))) {
    for (const lang of LOCALES) {
      const have = [...(bases[lang].get(base) ?? [])].sort();
      const want = pluralCategories(lang);
      if (JSON.stringify(have) !== JSON.stringify(want)) {
        problems.push(`${lang}: ${base} has [${have.join(", ")}], needs [${want.join(", ")}]`);
      }
    }
    for (const lang of LOCALES) if (base in perLang[lang]) problems.push(`${lang}: ${base} is both plain and plural`);
  }
  return problems;
}

function emptyValueProblems(perLang: PerLang): string[] {
  return LOCALES.flatMap((lang) =>
    Object.entries(perLang[lang])
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key, value]) => `${lang}: ${key} = ${JSON.stringify(value)}`),
  );
}

function placeholderProblems(perLang: PerLang): string[] {
  const problems: string[] = [];
  for (const base of allBaseKeys(perLang).all) {
    const sets = LOCALES.map((lang) => {
      const texts = Object.entries(perLang[lang])
        .filter(([key]) => splitPlural(key).base === base)
        .map(([, value]) => String(value));
      for (const text of texts) {
        const opened = text.split("{{").length - 1;
        const closed = text.split("}}").length - 1;
        if (opened !== closed || opened !== placeholders(text).length) problems.push(`${lang}: ${base} has broken braces`);
      }
      return [...new Set(texts.flatMap(placeholders))].sort().join(",");
    });
    if (new Set(sets).size > 1) problems.push(`${base}: ${LOCALES.map((lang, i) => `${lang}={${sets[i]}}`).join(" ")}`);
  }
  return problems;
}

describe.each(Object.keys(flat))("locale file %s.json", (ns) => {
  const perLang = flat[ns]!;

  it("has keys", () => {
    expect(allBaseKeys(perLang).all.length).toBeGreaterThan(0);
  });

  it("every base key is present in all three languages", () => {
    expect(missingKeyProblems(perLang)).toEqual([]);
  });

  it("plural keys have exactly the CLDR categories of each language, and are not also plain keys", () => {
    expect(pluralProblems(perLang)).toEqual([]);
  });

  it("every value is a non-empty string", () => {
    expect(emptyValueProblems(perLang)).toEqual([]);
  });

  it("placeholders are well-formed and the same in every language", () => {
    expect(placeholderProblems(perLang)).toEqual([]);
  });
});

describe("the checks above catch broken translations", () => {
  const good: PerLang = {
    lv: { "a.title": "Virsraksts {{name}}", "a.n_zero": "{{count}} dienu", "a.n_one": "{{count}} diena", "a.n_other": "{{count}} dienas" },
    en: { "a.title": "Title {{name}}", "a.n_one": "{{count}} day", "a.n_other": "{{count}} days" },
    ru: {
      "a.title": "Заголовок {{name}}",
      "a.n_one": "{{count}} день",
      "a.n_few": "{{count}} дня",
      "a.n_many": "{{count}} дней",
      "a.n_other": "{{count}} дня",
    },
  };
  const without = (lang: Locale, key: string): PerLang => {
    const copy = structuredClone(good);
    delete copy[lang][key];
    return copy;
  };
  const withValue = (lang: Locale, key: string, value: unknown): PerLang => {
    const copy = structuredClone(good);
    copy[lang][key] = value;
    return copy;
  };

  it("a correct sample passes", () => {
    expect([...missingKeyProblems(good), ...pluralProblems(good), ...emptyValueProblems(good), ...placeholderProblems(good)]).toEqual([]);
  });

  it("a key missing in one language", () => {
    expect(missingKeyProblems(without("ru", "a.title"))).toEqual(["ru: a.title"]);
  });

  it("a missing Latvian _zero or Russian _few, or an extra English _zero", () => {
    expect(pluralProblems(without("lv", "a.n_zero"))).toEqual(["lv: a.n has [one, other], needs [one, other, zero]"]);
    expect(pluralProblems(without("ru", "a.n_few"))).toEqual(["ru: a.n has [many, one, other], needs [few, many, one, other]"]);
    expect(pluralProblems(withValue("en", "a.n_zero", "no days"))).toEqual(["en: a.n has [one, other, zero], needs [one, other]"]);
  });

  it("a plain key in one language where the others are plural", () => {
    const copy = without("en", "a.n_one");
    delete copy.en["a.n_other"];
    copy.en["a.n"] = "{{count}} days";
    expect(pluralProblems(copy)).toEqual(["en: a.n has [], needs [one, other]", "en: a.n is both plain and plural"]);
  });

  it("an empty or non-string value", () => {
    expect(emptyValueProblems(withValue("lv", "a.title", "  "))).toEqual(['lv: a.title = "  "']);
    expect(emptyValueProblems(withValue("en", "a.title", null))).toEqual(["en: a.title = null"]);
  });

  it("a placeholder renamed, dropped or broken in one language", () => {
    expect(placeholderProblems(withValue("ru", "a.title", "Заголовок {{title}}"))).toEqual(["a.title: lv={name} en={name} ru={title}"]);
    expect(placeholderProblems(withValue("en", "a.title", "Title"))).toEqual(["a.title: lv={name} en={} ru={name}"]);
    expect(placeholderProblems(withValue("lv", "a.title", "Virsraksts {{name}"))).toEqual([
      "lv: a.title has broken braces",
      "a.title: lv={} en={name} ru={name}",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Keys the code uses.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return [".ts", ".tsx"].includes(extname(name)) ? [path] : [];
  });
}

const SOURCES = sourceFiles(APP).map((path) => ({ path: relative(APP, path), text: readFileSync(path, "utf8") }));

/** The base keys t() can find in a language: the loaded common namespace, and "fallback:…". */
function knownKeys(lang: Locale): Set<string> {
  const known = new Set<string>();
  for (const key of Object.keys(loadedCommon(lang))) {
    const { base } = splitPlural(key);
    known.add(base);
    known.add(`${DEFAULT_NAMESPACE}:${base}`);
  }
  for (const key of Object.keys(flat[SEPARATE_NAMESPACE]![lang])) known.add(`${SEPARATE_NAMESPACE}:${splitPlural(key).base}`);
  return known;
}

/**
 * What the `${…}` in a template key can be, by the text of the key before it (with any earlier `${…}`
 * already filled in). A template key with a prefix not listed here fails the test: add its vocabulary.
 */
const COUNTDOWN_UNITS = ["day", "month", "year"] as const;
const LINK_STATES = ["expired", "used", "revoked", "unknown"] as const;
const PRIVACY_POINTS = ["who", "what", "sharing", "rights"] as const;
const RECORD_CHOICES = ["educationStatus", "employmentStatus", "specialNeeds"] as const;
const TEMPLATE_VOCABULARIES: Record<string, readonly string[]> = {
  "phase.": PHASES,
  "domains.": DOMAINS,
  "roles.": ROLES,
  "language.": LOCALES,
  // _index.tsx: the page title of each role's home.
  "home.": ROLES,
  // Countdown: "today" has its own key; the others are countdown.{future,past}.{day,month,year}.
  "countdown.": ["future", "past"],
  "countdown.future.": COUNTDOWN_UNITS,
  "countdown.past.": COUNTDOWN_UNITS,
  // root.tsx ErrorContent: 404 → notFound, 403 → forbidden, anything else → generic.
  "errors.page.": ["notFound", "forbidden", "generic"],
  "feedback.flash.": FLASH_KEYS,
  // The plan.
  "plan.domainShort.": DOMAINS,
  "plan.owner.": OWNERS,
  "plan.status.": GOAL_STATUSES,
  "plan.statusAction.": GOAL_STATUSES,
  "plan.readiness.stage.": READINESS_STAGES,
  // components/plan/timeline.tsx: SHOWN_FIELDS and KNOWN_EVENTS.
  "plan.history.field.": ["title", "why", "owner", "dueDate", "status", "planB", "state", "expiresOn", "label", "plannedCareEndDate", "actualCareEndDate"],
  "plan.history.event.": [
    "goal.created",
    "goal.updated",
    "goal.started",
    "goal.completed",
    "goal.dropped",
    "goal.reopened",
    "goal.moved",
    "step.created",
    "step.updated",
    "step.completed",
    "step.reopened",
    "comment.commented",
    "rating.rated",
    "planB.updated",
    "skill.updated",
    "document.created",
    "document.updated",
    "mentorship.linked",
    "mentorship.paused",
    "mentorship.resumed",
    "mentorship.closed",
    "mentorship.youthNote",
    "contact.logged",
    "record.careEndChanged",
    "review.scheduled",
    "review.rescheduled",
    "review.recorded",
    "review.cancelled",
    "review.requested",
  ],
  // The viewer's own changes in the history ("You …"; components/plan/timeline.tsx, history-days.tsx).
  "weekly.history.self.event.": [...PLAN_EVENT_KINDS.filter((k) => !k.startsWith("record.") || k === "record.careEndChanged")],
  "weekly.history.event.": ["step.suggested"],
  "weekly.nextStep.owners.": ["youth", "mentor"],
  "weekly.history.self.group.": [
    "rating.rated",
    "skill.updated",
    "step.completed",
    "step.created",
    "goal.created",
    "document.updated",
    "document.created",
    "step.updated",
    "goal.updated",
  ],
  // Who sees my plan, who looked (app/components/keys.tsx: domains use domains.*).
  "keys.sections.": SECTIONS.filter((s) => !(DOMAINS as readonly string[]).includes(s)),
  "keys.audience.": AUDIENCES,
  "keys.careForms.": CARE_FORMS,
  "keys.erase.errors.": ["mode", "reason"],
  "keys.access.parts.": [
    "overview",
    "history",
    "goal",
    "readiness",
    "skills",
    "documents",
    "mentoring",
    "calendar-file",
    "sharing",
    "access",
    "export",
    "other",
  ],
  // Life skills and documents.
  "skills.items.": LIFE_SKILLS.map((s) => s.key),
  "skills.state.": SKILL_STATES,
  "documents.kinds.": DOCUMENT_KINDS,
  "documents.statuses.": [...DOCUMENT_STATUSES, "unmarked"],
  "documents.help.": DOCUMENT_KINDS.filter((k) => k !== "other"),
  // The history page (components/plan/history-days.tsx, routes/plan.$youngPersonId.history.tsx).
  "pages.history.group.": [
    "rating.rated",
    "skill.updated",
    "step.completed",
    "step.created",
    "goal.created",
    "document.updated",
    "document.created",
    "step.updated",
    "goal.updated",
  ],
  "pages.history.filters.": ["goals", "comments", "readiness", "skills", "documents", "planB", "mentoring"],
  // Mentoring.
  "mentoring.channels.": CONTACT_CHANNELS,
  "mentoring.closeReasons.": MENTORSHIP_CLOSE_REASONS,
  "mentoring.status.": MENTORSHIP_STATUSES,
  "mentoring.needs.": ["inWindow", "soon"],
  "mentoring.contact.made_": ["yes", "no"],
  // "I need help", the well-being check and the worklist (issue 11).
  "help.status.": HELP_STATUSES,
  "wellbeing.faces.": WELLBEING_SCORES.map(String),
  "worklist.kind.": WORKLIST_KINDS,
  "worklist.row.help_": ["open", "acknowledged"],
  "worklist.row.steps_": ["own", "mentor", "carer"],
  // The calendar (domain/calendar.ts) and notifications.
  "calendar.event.deadline.": DOMAINS,
  "calendar.event.milestone.": MILESTONES,
  "calendar.event.full.milestone.": MILESTONES,
  "calendar.feed.name.": FEED_KINDS,
  "calendar.intro.": FEED_KINDS,
  // components/calendar.tsx: how to subscribe, per calendar app.
  "calendar.howTo.": ["google", "apple", "outlook"],
  "notifications.kind.": NOTIFICATION_KINDS,
  // The budget.
  "budget.categories.": ENVELOPE_CATEGORIES,
  "budget.costs.": COST_KEYS,
  "budget.duties.kinds.": DUTY_VALUE_KINDS,
  "budget.errors.money.": ["invalid", "negative", "decimals", "tooLarge", "zero"],
  "budget.errors.pay.": ["already", "nothing", "notDue", "noSettings"],
  "budget.income.": INCOME_CATEGORIES,
  "budget.nav.": ["overview", "pocketMoney", "setup", "firstMonth"],
  "budget.pocket.summary.": RHYTHMS,
  "budget.pots.": POT_KINDS,
  "budget.rhythm.": RHYTHMS,
  "budget.support.frequencies.": SUPPORT_FREQUENCIES,
  "budget.support.kinds.": SUPPORT_KINDS,
  "budget.weekdays.": ["1", "2", "3", "4", "5", "6", "7"],
  // Running an organisation (issue 13).
  "org.": ["invitation", "reset"],
  "org.invitationPage.state.": LINK_STATES,
  "org.invitationPage.stateHeading.": LINK_STATES,
  "org.resetPage.state.": LINK_STATES,
  "org.resetPage.stateHeading.": LINK_STATES,
  "org.invitations.state.": ["valid", "expired", "used", "revoked"],
  "org.link.": ["invitation", "reset"],
  "org.mail.": ["invitation", "reset"],
  "org.privacy.": ["youth", "staff"],
  "org.privacy.youth.": PRIVACY_POINTS,
  "org.privacy.staff.": PRIVACY_POINTS,
  "org.history.": ["record.created", "record.updated", "record.specialistAssigned", "record.carerLinked", "record.carerEnded"],
  "org.history.field.": ["displayName", "dateOfBirth", "careForm", "municipality", "educationStatus", "employmentStatus", "specialNeeds", "specialist"],
  "org.record.": RECORD_CHOICES,
  "org.values.": ["careForm", ...RECORD_CHOICES],
  "org.values.careForm.": CARE_FORMS,
  "org.values.educationStatus.": EDUCATION_STATUSES,
  "org.values.employmentStatus.": EMPLOYMENT_STATUSES,
  "org.values.specialNeeds.": SPECIAL_NEEDS_ANSWERS,
  "org.statistics.dimensions.": DIMENSIONS,
  "org.statistics.columnFor.": ["goals", "people"],
  "org.statistics.errors.": ["tooFew", "leavesTooFew"],
  // utils/statistics-labels.ts: municipalities are names and goals are domains; the rest are translated.
  "org.statistics.values.": ["ageGroup", "careForm", "phase", "educationStatus", "employmentStatus", "specialNeeds", "activeMentor"],
  "org.statistics.values.ageGroup.": AGE_GROUPS,
  "org.statistics.values.careForm.": CARE_FORMS,
  "org.statistics.values.phase.": PHASES,
  "org.statistics.values.educationStatus.": [...EDUCATION_STATUSES, NOT_RECORDED],
  "org.statistics.values.employmentStatus.": [...EMPLOYMENT_STATUSES, NOT_RECORDED],
  "org.statistics.values.specialNeeds.": [...SPECIAL_NEEDS_ANSWERS, NOT_RECORDED],
  "org.statistics.values.activeMentor.": ["yes", "no"],
  // Review meetings (issue 11).
  "reviews.status.": REVIEW_STATUSES,
  "reviews.heard.": FELT_HEARD_ANSWERS,
  "reviews.kinds.": PARTICIPANT_KINDS,
  "reviews.raters.": ["youth", "adult"],
  "keys.access.kinds.": ["change", "erase"],
  "reviews.reasons.": FOCUS_REASONS,
  "reviews.statement.": ["wentWell", "worries", "talkAbout"],
};

function expandTemplate(template: string): { keys: string[]; unknown: string[] } {
  const unknown = new Set<string>();
  let keys = [""];
  for (const part of template.split(/(\$\{[^}]+\})/)) {
    if (!/^\$\{[^}]+\}$/.test(part)) {
      keys = keys.map((k) => k + part);
      continue;
    }
    keys = keys.flatMap((k) => {
      const vocabulary = TEMPLATE_VOCABULARIES[k];
      if (!vocabulary) {
        unknown.add(`no vocabulary for "${k}" followed by ${part}`);
        return [];
      }
      return vocabulary.map((word) => k + word);
    });
  }
  return { keys, unknown: [...unknown] };
}

interface Use {
  key: string;
  where: string;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

const literalUses: Use[] = [];
const templateUses: Array<{ template: string; where: string }> = [];
const otherKeyLiterals: Use[] = [];

// Top-level sections of the default namespace: a string literal "section.something" anywhere in the code
// is a key passed around before it reaches t() (e.g. login.tsx's notice, zod messages).
const TOP_LEVEL = new Set(Object.keys(loadedCommon("lv")).map((key) => key.split(".")[0]!));
// Not translation keys, even though they look like one: the policy's action names.
// Nor the sections kept on the server (app/utils/i18n.server.ts), which are not keys but whole sections.
const NOT_KEYS = new Set<string>([...CASE_ACTIONS, ...ORGANISATION_ACTIONS, ...SERVER_ONLY_TRANSLATIONS]);

for (const { path, text } of SOURCES) {
  for (const m of text.matchAll(/(?<![\w$.])t\(\s*(["'])((?:(?!\1)[^\\\n])+)\1/g)) {
    literalUses.push({ key: m[2]!, where: `${path}:${lineOf(text, m.index!)}` });
  }
  for (const m of text.matchAll(/i18nKey=\s*(["'])((?:(?!\1)[^\\\n])+)\1/g)) {
    literalUses.push({ key: m[2]!, where: `${path}:${lineOf(text, m.index!)}` });
  }
  // t(condition ? "a" : "b")
  for (const m of text.matchAll(/(?<![\w$.])t\(\s*[\w$.!]+\s*\?\s*(["'])([^"'\n]+)\1\s*:\s*(["'])([^"'\n]+)\3/g)) {
    const where = `${path}:${lineOf(text, m.index!)}`;
    literalUses.push({ key: m[2]!, where }, { key: m[4]!, where });
  }
  const templatesHere = new Set<number>();
  for (const m of text.matchAll(/(?<![\w$.])t\(\s*`([^`]*)`/g)) {
    const where = `${path}:${lineOf(text, m.index!)}`;
    templatesHere.add(m.index! + m[0].indexOf("`"));
    if (m[1]!.includes("${")) templateUses.push({ template: m[1]!, where });
    else literalUses.push({ key: m[1]!, where });
  }
  // Key-shaped templates anywhere else, e.g. t(known ? `plan.history.event.${key}` : "…").
  for (const m of text.matchAll(/`([a-z][A-Za-z]*\.[^`$]*\$\{[^`]*)`/g)) {
    if (templatesHere.has(m.index!) || !TOP_LEVEL.has(m[1]!.split(".")[0]!)) continue;
    templateUses.push({ template: m[1]!, where: `${path}:${lineOf(text, m.index!)}` });
  }
  // A route's `handle` names parts of the strings (a section, or a path inside one), not keys: the
  // "each route sends…" tests check that those parts exist.
  // The statement may span lines (Prettier breaks long lists), so its whole extent is skipped.
  const handleSpans = [...text.matchAll(/^export const handle\b[\s\S]*?;$/gm)].map((h) => [h.index!, h.index! + h[0].length] as const);
  for (const m of text.matchAll(/(["'])([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)\1/g)) {
    const key = m[2]!;
    if (handleSpans.some(([from, to]) => m.index! >= from && m.index! < to)) continue;
    if (TOP_LEVEL.has(key.split(".")[0]!) && !NOT_KEYS.has(key)) {
      otherKeyLiterals.push({ key, where: `${path}:${lineOf(text, m.index!)}` });
    }
  }
}

function missingIn(uses: Use[]): string[] {
  return LOCALES.flatMap((lang) => {
    const known = knownKeys(lang);
    return uses.filter((u) => !known.has(u.key)).map((u) => `${lang}: "${u.key}" (${u.where})`);
  });
}

describe("keys used in app/", () => {
  it("the scan finds the code's keys (sanity check of the scanner itself)", () => {
    expect(SOURCES.length).toBeGreaterThan(10);
    expect(literalUses.length).toBeGreaterThan(50);
    expect(templateUses.length).toBeGreaterThanOrEqual(5);
    expect(literalUses.map((u) => u.key)).toEqual(
      expect.arrayContaining(["login.heading", "home.specialist.count", "phase.careEndedOn", "phase.careEndPlannedOn"]),
    );
    expect(templateUses.map((u) => u.template)).toEqual(expect.arrayContaining(["countdown.${countdown.direction}.${countdown.unit}", "phase.${phase}.name"]));
  });

  it("the key checks themselves catch an unknown key and an unknown template", () => {
    expect(missingIn([{ key: "login.noSuchKey", where: "x.tsx:1" }])).toEqual([
      'lv: "login.noSuchKey" (x.tsx:1)',
      'en: "login.noSuchKey" (x.tsx:1)',
      'ru: "login.noSuchKey" (x.tsx:1)',
    ]);
    expect(missingIn([{ key: "home.specialist.count", where: "plural base" }])).toEqual([]);
    expect(expandTemplate("plan.nothing.${x}")).toEqual({
      keys: [],
      unknown: ['no vocabulary for "plan.nothing." followed by ${x}'],
    });
    expect(expandTemplate("errors.page.${key}.title").keys).toEqual(["errors.page.notFound.title", "errors.page.forbidden.title", "errors.page.generic.title"]);
  });

  it('every literal t("…") key exists in every language', () => {
    expect(missingIn(literalUses)).toEqual([]);
  });

  it("every template key t(`…${x}…`) expands, over its vocabulary, to keys that exist in every language", () => {
    const unknown: string[] = [];
    const expanded: Use[] = [];
    for (const { template, where } of templateUses) {
      const result = expandTemplate(template);
      unknown.push(...result.unknown.map((e) => `${e} in \`${template}\` (${where})`));
      expanded.push(...result.keys.map((key) => ({ key, where: `${where} from \`${template}\`` })));
    }
    expect(unknown, "add a vocabulary to TEMPLATE_VOCABULARIES").toEqual([]);
    expect(expanded.length).toBeGreaterThan(templateUses.length);
    expect(missingIn(expanded)).toEqual([]);
  });

  it("every key-shaped string literal (e.g. a notice or form error passed to t later) exists in every language", () => {
    expect(otherKeyLiterals.map((u) => u.key)).toEqual(expect.arrayContaining(["login.rateLimited", "login.sessionEnded"]));
    expect(missingIn(otherKeyLiterals)).toEqual([]);
  });

  it("every zod message 'errors.…' in app/domain exists in every language", () => {
    const uses: Use[] = [];
    for (const { path, text } of SOURCES.filter((s) => s.path.startsWith("domain/"))) {
      for (const m of text.matchAll(/(["'`])(errors\.[A-Za-z_.]+)\1/g)) {
        uses.push({ key: m[2]!, where: `${path}:${lineOf(text, m.index!)}` });
      }
    }
    expect(uses.map((u) => u.key)).toEqual(expect.arrayContaining(["errors.required", "errors.passwordMismatch", "errors.emailTooLong"]));
    expect(missingIn(uses)).toEqual([]);
  });

  it("the e-mail length in the error message matches the schema's limit", () => {
    for (const lang of LOCALES) {
      expect(loadedCommon(lang)["errors.emailTooLong"], lang).toContain(String(EMAIL_MAX_LENGTH));
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// i18next with the real resources.

/** i18next exactly as the app sets it up, with the resources the server sends. */
function i18nFor(lang: Locale) {
  return createI18n(lang, resourcesFor(lang));
}

describe("plural forms chosen by i18next", () => {
  it("Latvian: 1 and 21 take the singular genitive, 0, 2 and 11 the plural dative", () => {
    const { t } = i18nFor("lv");
    const month = (count: number) => t("countdown.future.month", { count });
    expect(month(0)).toBe("Aprūpe beidzas pēc 0 mēnešiem");
    expect(month(1)).toBe("Aprūpe beidzas pēc 1 mēneša");
    expect(month(2)).toBe("Aprūpe beidzas pēc 2 mēnešiem");
    expect(month(11)).toBe("Aprūpe beidzas pēc 11 mēnešiem");
    expect(month(21)).toBe("Aprūpe beidzas pēc 21 mēneša");
    expect(t("countdown.past.day", { count: 21 })).toBe("Aprūpe beidzās pirms 21 dienas");
    expect(t("countdown.past.day", { count: 11 })).toBe("Aprūpe beidzās pirms 11 dienām");
    expect(t("login.rateLimited", { count: 1 })).toContain("1 minūti");
    expect(t("login.rateLimited", { count: 15 })).toContain("15 minūtes");
  });

  it("Latvian: i18next resolves the CLDR categories zero/one/other (zero is 0, 10–20, 30…, not 'none')", () => {
    const i18n = createI18n("lv", { lv: { common: { probe_zero: "Z", probe_one: "O", probe_other: "X" } } });
    const pick = (count: number) => i18n.t("probe", { count });
    expect([0, 1, 2, 9, 10, 11, 19, 20, 21, 22, 30, 101, 111].map(pick).join("")).toBe("ZOXXZZZZOXZOZ");
  });

  it("Russian: месяц / месяца / месяцев", () => {
    const { t } = i18nFor("ru");
    const month = (count: number) => t("countdown.future.month", { count });
    expect(month(1)).toBe("До окончания опеки 1 месяц");
    expect(month(2)).toBe("До окончания опеки 2 месяца");
    expect(month(5)).toBe("До окончания опеки 5 месяцев");
    expect(month(11)).toBe("До окончания опеки 11 месяцев");
    expect(month(21)).toBe("До окончания опеки 21 месяц");
    expect(month(22)).toBe("До окончания опеки 22 месяца");
    expect(t("countdown.past.year", { count: 5 })).toBe("Опека закончилась 5 лет назад");
  });

  it("English: one and other", () => {
    const { t } = i18nFor("en");
    expect(t("countdown.future.month", { count: 1 })).toBe("Care ends in 1 month");
    expect(t("countdown.future.month", { count: 0 })).toBe("Care ends in 0 months");
    expect(t("countdown.past.year", { count: 2 })).toBe("Care ended 2 years ago");
  });

  it("every countdown the phase module can produce has a text in every language", () => {
    for (const lang of LOCALES) {
      const { t } = i18nFor(lang);
      for (const direction of ["future", "past"]) {
        for (const unit of ["day", "month", "year"]) {
          for (const count of [1, 2, 5, 11, 21, 23]) {
            const key = `countdown.${direction}.${unit}`;
            const text = t(key, { count });
            expect(text, `${lang} ${key} ${count}`).not.toBe(key);
            expect(text).toContain(String(count));
          }
        }
      }
    }
  });
});

describe("the fallback message", () => {
  it("has the sentence in all three languages, Latvian first", () => {
    const message = fallbackMessage();
    expect(message.lang).toBe("lv");
    expect(message.lines.map((l) => l.lang)).toEqual(["lv", "en", "ru"]);
    for (const line of message.lines) {
      expect(line.text).not.toBe("unavailable");
      expect(line.text).toBe(flat.fallback![line.lang]["unavailable"]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// What each route sends to the browser (docs/decisions/009-fast-pages.md): the root parts plus its
// handle's. A key the page's code uses in the browser that is not in those parts would show as a raw key
// after hydration, so it fails here.

const ROUTES_DIR = join(APP, "routes");

/** The app files a file imports (not *.server files: their code never reaches the browser). */
function importsOf(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const found: string[] = [];
  // Static imports, and import("…") of code a page loads before it is whole (a home's role, decision 030).
  const specs = [...text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm), ...text.matchAll(/(?<![\w$.])import\(\s*["']([^"']+)["']\s*\)/g)];
  for (const m of specs) {
    const spec = m[1]!;
    const base = spec.startsWith("~/") ? join(APP, spec.slice(2)) : spec.startsWith(".") ? join(path, "..", spec) : null;
    if (!base || /\.server(\.tsx?)?$/.test(base) || /\.(json|css)$/.test(base)) continue;
    const file = [`${base}.tsx`, `${base}.ts`, join(base, "index.ts"), base].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    if (file) found.push(file);
  }
  return found;
}

/** The route file and every app file it reaches by imports, with a route's loader and action left out. */
function browserSources(routeFile: string): Array<{ path: string; text: string }> {
  const seen = new Set<string>();
  const queue = [routeFile];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return [...seen].map((path) => {
    let text = readFileSync(path, "utf8");
    if (path === routeFile) {
      // Server-only code of the route: its strings are translated on the server.
      text = text.replace(/^export (?:async )?function (?:loader|action)\b[\s\S]*?^\}$/gm, "");
    }
    return { path: relative(APP, path), text };
  });
}

function keysUsedIn(sources: Array<{ path: string; text: string }>): Use[] {
  const uses: Use[] = [];
  for (const { path, text } of sources) {
    const where = (index: number) => `${path}:${lineOf(text, index)}`;
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*(["'])((?:(?!\1)[^\\\n])+)\1/g)) uses.push({ key: m[2]!, where: where(m.index!) });
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*[\w$.!]+\s*\?\s*(["'])([^"'\n]+)\1\s*:\s*(["'])([^"'\n]+)\3/g)) {
      uses.push({ key: m[2]!, where: where(m.index!) }, { key: m[4]!, where: where(m.index!) });
    }
    for (const m of text.matchAll(/`([a-z][A-Za-z]*\.[^`]*)`/g)) {
      if (!TOP_LEVEL.has(m[1]!.split(".")[0]!)) continue;
      for (const key of expandTemplate(m[1]!).keys) uses.push({ key, where: where(m.index!) });
    }
    // Key-shaped literals in app/domain are validation messages an action returns; the page that shows
    // them names their area itself (counting them here would make every page that imports a date helper
    // need every area).
    if (path.startsWith("domain/")) continue;
    for (const m of text.matchAll(/(["'])([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)\1/g)) {
      if (TOP_LEVEL.has(m[2]!.split(".")[0]!) && !NOT_KEYS.has(m[2]!)) uses.push({ key: m[2]!, where: where(m.index!) });
    }
  }
  return uses;
}

/** Route files by Remix's flat-route names, and each one's parent layouts (root is everyone's). */
const ROUTE_FILES = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
function parentsOf(file: string): string[] {
  const segments = file.replace(/\.tsx?$/, "").split(".");
  return ROUTE_FILES.filter((other) => {
    const id = other.replace(/\.tsx?$/, "");
    return other !== file && !id.endsWith("_index") && segments.slice(0, -1).some((_, i) => segments.slice(0, i + 1).join(".") === id);
  });
}

const covers = (parts: readonly string[], key: string) => {
  const { base } = splitPlural(key);
  return parts.some((part) => base === part || base.startsWith(`${part}.`) || key.startsWith(`${part}.`));
};

describe("each route sends the translations its page uses", () => {
  it("the server's catalogue files exist for every part a route names, and leave out the server-only strings", async () => {
    const { catalogue, SERVER_ONLY_TRANSLATIONS } = await import("~/utils/i18n.server");
    for (const lang of LOCALES) {
      const all = JSON.parse(catalogue(lang, "all")!.body) as Json;
      const keys = Object.keys(flatten(all));
      for (const hidden of SERVER_ONLY_TRANSLATIONS)
        expect(
          keys.filter((k) => k.startsWith(`${hidden}.`)),
          hidden,
        ).toEqual([]);
      const root = Object.keys(flatten(JSON.parse(catalogue(lang, "root")!.body) as Json));
      expect(root).toContain("nav.home");
      expect(root.some((k) => k.startsWith("plan."))).toBe(false);
      expect(catalogue(lang, "noSuchPart")).toBeNull();
    }
  });

  const handles = new Map<string, readonly string[]>();
  it.each(ROUTE_FILES)("%s", async (file) => {
    const module = (await import(join(ROUTES_DIR, file))) as { handle?: { i18n?: readonly string[] }; default?: unknown };
    handles.set(file, module.handle?.i18n ?? []);
    const parts = [...ROOT_TRANSLATIONS, ...(module.handle?.i18n ?? [])];
    for (const parent of parentsOf(file)) {
      const parentModule = (await import(join(ROUTES_DIR, parent))) as { handle?: { i18n?: readonly string[] } };
      parts.push(...(parentModule.handle?.i18n ?? []));
    }
    const { catalogue } = await import("~/utils/i18n.server");
    for (const part of module.handle?.i18n ?? []) expect(catalogue("lv", part), `handle names "${part}"`).not.toBeNull();
    if (!module.default) return; // a resource route renders no page
    const missing = keysUsedIn(browserSources(join(ROUTES_DIR, file)))
      .filter((use) => !covers(parts, use.key))
      .map((use) => `${use.key} (${use.where})`);
    if (process.env.I18N_SECTIONS)
      console.log(
        "SECTIONS",
        file,
        JSON.stringify([...new Set(missing.map((m) => (m.startsWith("org.") ? m.split(".").slice(0, 2).join(".") : m.split(".")[0]!).split(" ")[0]))].sort()),
      );
    expect([...new Set(missing)], `add the parts to ${file}'s handle: export const handle: TranslationHandle = { i18n: [...] }`).toEqual([]);
  });

  it("the check catches a key outside the parts sent", () => {
    expect(covers(["plan"], "plan.goal.title")).toBe(true);
    expect(covers(["notifications.unread"], "notifications.unread_one")).toBe(true);
    expect(covers(["plan"], "mentoring.title")).toBe(false);
    expect(covers(["notifications.unread"], "notifications.kind.overdue")).toBe(false);
  });
});
