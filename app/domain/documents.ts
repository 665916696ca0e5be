/** The documents checklist of the legal domain: what a care leaver needs, and which expiries are coming. */
import { addDays, type IsoDate } from "./dates";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentStatus } from "./vocabulary";

/** Expiries this close count as upcoming deadlines (time to book an appointment and renew). */
export const EXPIRY_WARNING_DAYS = 60;

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  label: string | null;
  status: DocumentStatus;
  expiresOn: string | null;
}

export interface ChecklistEntry {
  /** null: nobody has marked this document yet (shown neutrally, not as "missing"). */
  id: string | null;
  kind: DocumentKind;
  label: string | null;
  status: DocumentStatus;
  expiresOn: string | null;
  expiry: "expired" | "soon" | "ok" | null;
}

export function expiryState(expiresOn: string | null, today: IsoDate): ChecklistEntry["expiry"] {
  if (!expiresOn) return null;
  if (expiresOn < today) return "expired";
  if (expiresOn <= addDays(today, EXPIRY_WARNING_DAYS)) return "soon";
  return "ok";
}

/** Standard kinds first (entered or still missing), then any other documents, in checklist order. */
export function documentChecklist(rows: readonly DocumentRow[], today: IsoDate): ChecklistEntry[] {
  const entries: ChecklistEntry[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (ofKind.length === 0 && kind !== "other") {
      entries.push({ id: null, kind, label: null, status: "missing", expiresOn: null, expiry: null });
    }
    for (const row of ofKind) entries.push({ ...row, expiry: expiryState(row.expiresOn, today) });
  }
  return entries;
}

/** Documents that have expired or expire soon, soonest first: upcoming deadlines on the plan. */
export function expiringDocuments(rows: readonly DocumentRow[], today: IsoDate): ChecklistEntry[] {
  return documentChecklist(rows, today)
    .filter((e) => e.status === "have" && (e.expiry === "expired" || e.expiry === "soon"))
    .sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : 1));
}

/**
 * Where a young person gets or renews each document (the official place; the one-line "how" is a
 * translation, `documents.help.<kind>`). "other" has no fixed place.
 */
export const DOCUMENT_HELP_LINKS: Partial<Record<DocumentKind, { place: string; url: string }>> = {
  id_card: { place: "pmlp.gov.lv", url: "https://www.pmlp.gov.lv" },
  passport: { place: "pmlp.gov.lv", url: "https://www.pmlp.gov.lv" },
  residence_declaration: { place: "latvija.gov.lv", url: "https://www.latvija.gov.lv" },
  health_insurance_card: { place: "vmnvd.gov.lv", url: "https://www.vmnvd.gov.lv" },
  social_guarantees_application: { place: "latvija.gov.lv", url: "https://www.latvija.gov.lv" },
};

/** The neutral state of a document nobody has marked yet, or its status. */
export function shownStatus(entry: Pick<ChecklistEntry, "id" | "status">): DocumentStatus | "unmarked" {
  return entry.id === null ? "unmarked" : entry.status;
}
