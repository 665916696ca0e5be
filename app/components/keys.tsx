/** Small pieces shared by the "keys" pages: who sees my plan, who looked, my data. */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { todayInRiga } from "~/domain/dates";
import { isDomainSection, isSection, type Audience, type Section } from "~/domain/sharing";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

/** A section's name in plain words: a domain by its own name, the rest from keys.sections. */
export function sectionName(t: TFunction, section: Section): string {
  return isDomainSection(section) ? t(`domains.${section}.name`) : t(`keys.sections.${section}`);
}

const PARTS = new Set([
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
  "help",
  "wellbeing",
  "reviews",
]);

/** What part of a record was opened, in words (the access log's `part`: a page, or a section). */
export function partName(t: TFunction, part: string): string {
  if (isSection(part) && !PARTS.has(part)) return sectionName(t, part);
  return t(`keys.access.parts.${PARTS.has(part) ? part : "other"}`);
}

/** One entry of the access log in words: "readiness", or "change: the plan". */
export function accessEntryName(t: TFunction, kind: string, part: string): string {
  return kind === "read" ? partName(t, part) : `${t(`keys.access.kinds.${kind === "erase" ? "erase" : "change"}`)}: ${partName(t, part)}`;
}

export interface ReceiptView {
  id: string;
  audience: Audience;
  section: Section;
  shared: boolean;
  at: number;
  people: string[];
}

/** The young person's receipts: "1.03.2026.: you stopped sharing Health with Pēteris Bērziņš." */
export function ReceiptList({ receipts, className }: { receipts: readonly ReceiptView[]; className?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <ul className={className}>
      {receipts.map((r) => (
        <li key={r.id}>
          {t(r.shared ? "keys.sharing.receiptOn" : "keys.sharing.receiptOff", {
            date: formatDate(todayInRiga(new Date(r.at)), locale, "short"),
            section: sectionName(t, r.section),
            people: r.people.length ? r.people.join(", ") : t(`keys.audience.${r.audience}`),
          })}
        </li>
      ))}
    </ul>
  );
}
