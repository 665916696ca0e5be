/** Small pieces shared by the "keys" pages: who sees my plan, who looked, my data. */
import type { TFunction } from "i18next";
import { isDomainSection, type Section } from "~/domain/sharing";

/** A section's name in plain words: a domain by its own name, the rest from keys.sections. */
export function sectionName(t: TFunction, section: Section): string {
  return isDomainSection(section) ? t(`domains.${section}.name`) : t(`keys.sections.${section}`);
}
