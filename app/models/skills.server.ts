/** Life skills: the catalogue shipped with the app plus the organisation's own items, and each young person's states. */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { organisationSkills, skillStates, users } from "../../db/schema";
import { isCatalogueSkill, LIFE_SKILLS } from "~/domain/life-skills";
import { DOMAINS, type Domain, type SkillState } from "~/domain/vocabulary";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { recordEvent } from "./plans.server";

export const ORGANISATION_SKILL_PREFIX = "org:";

export interface SkillItem {
  key: string;
  domain: Domain;
  /** The organisation's own wording; catalogue items are translated by key instead. */
  customTitle: string | null;
  state: SkillState;
  /** false: nobody has marked it yet. */
  answered: boolean;
  confirmedBy: string | null;
  confirmedAt: number | null;
}

export function organisationSkillItems(organisationId: string) {
  return getDb()
    .select({ id: organisationSkills.id, domain: organisationSkills.domain, title: organisationSkills.title })
    .from(organisationSkills)
    .where(eq(organisationSkills.organisationId, organisationId))
    .orderBy(asc(organisationSkills.createdAt))
    .all();
}

/** Every skill of the plan's checklist, in domain order, with its state (three queries). */
export function skillChecklist(planId: string, organisationId: string): SkillItem[] {
  const db = getDb();
  const states = db
    .select({
      skillKey: skillStates.skillKey,
      state: skillStates.state,
      confirmedAt: skillStates.confirmedAt,
      confirmedBy: users.displayName,
    })
    .from(skillStates)
    .leftJoin(users, eq(users.id, skillStates.confirmedBy))
    .where(eq(skillStates.planId, planId))
    .all();
  const byKey = new Map(states.map((s) => [s.skillKey, s]));
  const own = organisationSkillItems(organisationId);
  const items = [
    ...LIFE_SKILLS.map((s) => ({ key: s.key, domain: s.domain, customTitle: null })),
    ...own.map((o) => ({ key: `${ORGANISATION_SKILL_PREFIX}${o.id}`, domain: o.domain, customTitle: o.title })),
  ];
  return DOMAINS.flatMap((domain) =>
    items
      .filter((i) => i.domain === domain)
      .map((i) => {
        const state = byKey.get(i.key);
        return {
          ...i,
          state: state?.state ?? "not_yet",
          answered: Boolean(state),
          confirmedBy: state?.confirmedBy ?? null,
          confirmedAt: state?.confirmedAt ?? null,
        };
      }),
  );
}

/** A key the plan's checklist knows: a catalogue key, or one of this organisation's items. */
export function isKnownSkill(key: string, organisationId: string): boolean {
  if (isCatalogueSkill(key)) return true;
  if (!key.startsWith(ORGANISATION_SKILL_PREFIX)) return false;
  const id = key.slice(ORGANISATION_SKILL_PREFIX.length);
  return Boolean(
    getDb()
      .select({ id: organisationSkills.id })
      .from(organisationSkills)
      .where(and(eq(organisationSkills.id, id), eq(organisationSkills.organisationId, organisationId)))
      .get(),
  );
}

function skillDomain(key: string, organisationId: string): Domain | null {
  const catalogue = LIFE_SKILLS.find((s) => s.key === key);
  if (catalogue) return catalogue.domain;
  return organisationSkillItems(organisationId).find((o) => `${ORGANISATION_SKILL_PREFIX}${o.id}` === key)?.domain ?? null;
}

/** Sets a skill's state; the person who sets it is recorded as having confirmed it, with the time. */
export function setSkillState(planId: string, organisationId: string, actorId: string, key: string, state: SkillState): boolean {
  if (!isKnownSkill(key, organisationId)) return false;
  const db = getDb();
  const before = db
    .select({ state: skillStates.state })
    .from(skillStates)
    .where(and(eq(skillStates.planId, planId), eq(skillStates.skillKey, key)))
    .get();
  if (before?.state === state) return true;
  const nowMs = now().getTime();
  db.transaction((tx) => {
    tx.insert(skillStates)
      .values({ id: randomUUID(), planId, skillKey: key, state, confirmedBy: actorId, confirmedAt: nowMs })
      .onConflictDoUpdate({
        target: [skillStates.planId, skillStates.skillKey],
        set: { state, confirmedBy: actorId, confirmedAt: nowMs },
      })
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "skill.updated",
      entityId: key,
      domain: skillDomain(key, organisationId),
      before: { skill: key, state: before?.state ?? "not_yet" },
      after: { skill: key, state },
    });
  });
  return true;
}

export function addOrganisationSkill(organisationId: string, domain: Domain, title: string): string {
  const id = randomUUID();
  getDb().insert(organisationSkills).values({ id, organisationId, domain, title }).run();
  return id;
}

/** Adds each skill event's translated title (the browser does not carry the catalogue's translations). */
export function withSkillTitles<E extends { entity: string; after: unknown }>(events: E[], t: (key: string) => string, organisationId: string) {
  const own = new Map(organisationSkillItems(organisationId).map((o) => [`${ORGANISATION_SKILL_PREFIX}${o.id}`, o.title]));
  return events.map((event) => {
    const skill = event.entity === "skill" ? (event.after as { skill?: unknown } | null)?.skill : null;
    const skillTitle = typeof skill !== "string" ? null : isCatalogueSkill(skill) ? t(`skills.items.${skill}`) : (own.get(skill) ?? null);
    return { ...event, skillTitle };
  });
}
