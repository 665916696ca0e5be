/**
 * The documents checklist (app/domain/documents.ts), which only page tests reached (the mutation run
 * found its rules untested by unit tests): every kind in order, unmarked kinds as a neutral "missing"
 * without an id, several documents of one kind, expiry states at their edges, the expiring list, and
 * where to renew each document.
 */
import { describe, expect, it } from "vitest";
import { DOCUMENT_HELP_LINKS, documentChecklist, expiringDocuments, expiryState, type DocumentRow } from "~/domain/documents";

const TODAY = "2026-03-10";
const row = (id: string, over: Partial<DocumentRow>): DocumentRow => ({ id, kind: "passport", label: null, status: "have", expiresOn: null, ...over });

describe("expiryState", () => {
  it("expired before today, soon up to 60 days ahead, ok after, none without a date", () => {
    expect(expiryState(null, TODAY)).toBeNull();
    expect(expiryState("", TODAY)).toBeNull();
    expect(expiryState("2026-03-09", TODAY)).toBe("expired");
    expect(expiryState(TODAY, TODAY)).toBe("soon");
    expect(expiryState("2026-05-09", TODAY)).toBe("soon");
    expect(expiryState("2026-05-10", TODAY)).toBe("ok");
  });
});

describe("documentChecklist", () => {
  it("has every kind in order; an unmarked kind is an entry without an id; 'other' only when there is one", () => {
    const list = documentChecklist([row("p1", { expiresOn: "2026-04-01" })], TODAY);
    expect(list.map((e) => e.kind)).toEqual([
      "id_card",
      "passport",
      "residence_declaration",
      "bank_account",
      "health_insurance_card",
      "social_guarantees_application",
      "education_certificate",
    ]);
    expect(list[0]).toEqual({ id: null, kind: "id_card", label: null, status: "missing", expiresOn: null, expiry: null });
    expect(list[1]).toEqual({ id: "p1", kind: "passport", label: null, status: "have", expiresOn: "2026-04-01", expiry: "soon" });
  });
  it("lists every document of a kind, 'other' ones with their labels", () => {
    const list = documentChecklist(
      [
        row("o1", { kind: "other", label: "Autovadītāja apliecība" }),
        row("p1", {}),
        row("p2", { status: "applied" }),
        row("o2", { kind: "other", label: "Bibliotēkas karte" }),
      ],
      TODAY,
    );
    expect(list.filter((e) => e.kind === "passport").map((e) => e.id)).toEqual(["p1", "p2"]);
    expect(list.filter((e) => e.kind === "other").map((e) => [e.id, e.label])).toEqual([
      ["o1", "Autovadītāja apliecība"],
      ["o2", "Bibliotēkas karte"],
    ]);
  });
});

describe("expiringDocuments", () => {
  it("documents one has that expired or expire soon, soonest first", () => {
    const rows = [
      row("later", { expiresOn: "2026-05-01" }),
      row("gone", { kind: "id_card", expiresOn: "2026-01-01" }),
      row("fine", { kind: "bank_account", expiresOn: "2027-01-01" }),
      row("applied", { kind: "health_insurance_card", status: "applied", expiresOn: "2026-03-20" }),
      row("soonest", { kind: "other", label: "Karte", expiresOn: "2026-03-15" }),
    ];
    expect(expiringDocuments(rows, TODAY).map((e) => [e.id, e.expiry])).toEqual([
      ["gone", "expired"],
      ["soonest", "soon"],
      ["later", "soon"],
    ]);
    expect(expiringDocuments([...rows].reverse(), TODAY).map((e) => e.id)).toEqual(["gone", "soonest", "later"]);
  });
});

describe("where to renew", () => {
  it("names the office's site for the documents that have one", () => {
    expect(DOCUMENT_HELP_LINKS).toEqual({
      id_card: { place: "pmlp.gov.lv", url: "https://www.pmlp.gov.lv" },
      passport: { place: "pmlp.gov.lv", url: "https://www.pmlp.gov.lv" },
      residence_declaration: { place: "latvija.gov.lv", url: "https://www.latvija.gov.lv" },
      health_insurance_card: { place: "vmnvd.gov.lv", url: "https://www.vmnvd.gov.lv" },
      social_guarantees_application: { place: "latvija.gov.lv", url: "https://www.latvija.gov.lv" },
    });
  });
});
