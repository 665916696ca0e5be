/**
 * "Who sees my plan": the parts (sections) of a young person's record and the young person's sharing
 * switches for their mentor and their carer (docs/decisions/010-sharing-and-history.md).
 * Pure: the policy (app/domain/policy.ts) turns these into what one viewer may see.
 */
import { DOMAINS, type Domain } from "./vocabulary";

/**
 * The sections of a record, by name. Features that arrive later plug in by adding their name here
 * ("budget" is built as its own section; "wellbeing" comes with the monthly check).
 */
export const SECTIONS = [...DOMAINS, "skills", "documents", "readiness", "contacts", "wellbeing", "budget"] as const;
export type Section = (typeof SECTIONS)[number];

export function isSection(value: unknown): value is Section {
  return typeof value === "string" && (SECTIONS as readonly string[]).includes(value);
}

export function isDomainSection(section: Section): section is Domain {
  return (DOMAINS as readonly string[]).includes(section);
}

/** The people a young person can share with or hold back from. The specialist always sees (by law). */
export const AUDIENCES = ["mentor", "carer"] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === "string" && (AUDIENCES as readonly string[]).includes(value);
}

/**
 * Which sections each audience can be switched for. The mentor's contact log is not a switch: the
 * mentor writes it, so hiding it from them would hide their own words.
 */
export const SWITCHABLE: Record<Audience, readonly Section[]> = {
  mentor: SECTIONS.filter((s) => s !== "contacts"),
  carer: SECTIONS,
};

/** Sections an audience always sees whatever the switches say (only the mentor's own contact log). */
export const ALWAYS_SHARED: Record<Audience, readonly Section[]> = {
  mentor: ["contacts"],
  carer: [],
};

/**
 * Defaults until the young person changes a switch: the plan itself (the seven domains, life skills,
 * documents, readiness) is shared, because those adults help with it; their own feelings (well-being)
 * and money (budget) are not; the carer does not read the mentoring contact log.
 */
export const DEFAULT_SHARED: Record<Audience, readonly Section[]> = {
  mentor: [...DOMAINS, "skills", "documents", "readiness", "contacts"],
  carer: [...DOMAINS, "skills", "documents", "readiness"],
};

/** One stored switch: the young person's choice for one audience and section. */
export interface SharingSwitch {
  audience: Audience;
  section: Section;
  shared: boolean;
}

/** What each audience sees of one record: the defaults with the young person's switches on top. */
export type SharedSections = Record<Audience, readonly Section[]>;

export function sharedSections(switches: readonly SharingSwitch[]): SharedSections {
  const result = {} as Record<Audience, Section[]>;
  for (const audience of AUDIENCES) {
    const shared = new Set<Section>(DEFAULT_SHARED[audience]);
    for (const s of switches) {
      if (s.audience !== audience || !SWITCHABLE[audience].includes(s.section)) continue;
      if (s.shared) shared.add(s.section);
      else shared.delete(s.section);
    }
    for (const always of ALWAYS_SHARED[audience]) shared.add(always);
    result[audience] = SECTIONS.filter((s) => shared.has(s));
  }
  return result;
}

/** Is a posted switch one the young person can change? (Not a section that does not exist, not a fixed one.) */
export function isSwitchable(audience: unknown, section: unknown): audience is Audience {
  return isAudience(audience) && isSection(section) && SWITCHABLE[audience].includes(section);
}

/** The section a plan-history entry or a calendar item belongs to, beside its domain. */
export function sectionsOfEntity(entity: string, domain: Domain | null): Section[] {
  const own: Section | null =
    entity === "skill"
      ? "skills"
      : entity === "document"
        ? "documents"
        : entity === "rating"
          ? "readiness"
          : entity === "contact" || entity === "mentorship"
            ? "contacts"
            : null;
  return [...(domain ? [domain] : []), ...(own ? [own] : [])];
}

/** May a viewer who sees `sections` see something that belongs to all of `needed`? */
export function seesAll(sections: ReadonlySet<Section>, needed: readonly Section[]): boolean {
  return needed.every((s) => sections.has(s));
}
