/** The legal domain's documents checklist: status and expiry per document, every change in the history. */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { planDocuments } from "../../db/schema";
import type { DocumentRow } from "~/domain/documents";
import type { DocumentKind, DocumentStatus } from "~/domain/vocabulary";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";
import { recordEvent } from "./plans.server";

const planDocumentRowsOf = prepared(`
  SELECT id, kind, label, status, expires_on AS expiresOn FROM plan_documents WHERE plan_id = ? ORDER BY created_at`);

export function planDocumentRows(planId: string): DocumentRow[] {
  return planDocumentRowsOf().all(planId) as DocumentRow[];
}

export interface DocumentInput {
  kind: DocumentKind;
  label?: string;
  status: DocumentStatus;
  expiresOn?: string;
}

/**
 * Saves one document: `id` updates that row (it must belong to this plan, else false); without an id a
 * standard kind updates its existing row or creates it, and "other" always adds a new row.
 */
export function saveDocument(planId: string, actorId: string, input: DocumentInput & { id?: string }): boolean {
  const db = getDb();
  const existing = input.id
    ? db
        .select()
        .from(planDocuments)
        .where(and(eq(planDocuments.id, input.id), eq(planDocuments.planId, planId)))
        .get()
    : input.kind !== "other"
      ? db
          .select()
          .from(planDocuments)
          .where(and(eq(planDocuments.planId, planId), eq(planDocuments.kind, input.kind)))
          .get()
      : undefined;
  if (input.id && !existing) return false;
  const values = { label: input.label || null, status: input.status, expiresOn: input.expiresOn || null };
  const nowMs = now().getTime();
  db.transaction((tx) => {
    if (existing) {
      const changed = (Object.keys(values) as Array<keyof typeof values>).filter((k) => existing[k] !== values[k]);
      if (changed.length === 0) return;
      tx.update(planDocuments)
        .set({ ...values, updatedBy: actorId, updatedAt: nowMs })
        .where(eq(planDocuments.id, existing.id))
        .run();
      recordEvent(tx, {
        planId,
        actorId,
        kind: "document.updated",
        entityId: existing.id,
        domain: "legal",
        // The label is the young person's words: named as changed, never copied.
        before: { kind: existing.kind, ...Object.fromEntries(changed.filter((k) => k !== "label").map((k) => [k, existing[k]])) },
        after: { kind: existing.kind, ...Object.fromEntries(changed.filter((k) => k !== "label").map((k) => [k, values[k]])), fields: changed },
      });
    } else {
      const id = randomUUID();
      tx.insert(planDocuments)
        .values({ id, planId, kind: input.kind, ...values, updatedBy: actorId, updatedAt: nowMs, createdAt: nowMs })
        .run();
      recordEvent(tx, {
        planId,
        actorId,
        kind: "document.created",
        entityId: id,
        domain: "legal",
        after: { kind: input.kind, status: values.status, expiresOn: values.expiresOn },
      });
    }
  });
  return true;
}
