/**
 * Hot SQL prepared once per connection (docs/decisions/009-fast-pages.md): building a query with drizzle
 * and preparing it cost more than running it on every page. Each use names its SQL once, at module level:
 *
 *     const countGoals = prepared("SELECT count(*) FROM goals WHERE plan_id = ?");
 *     countGoals().pluck().get(planId);
 *
 * The statement is made on first use for the current connection (tests reopen the database).
 */
import type { Statement } from "better-sqlite3";
import { getTableColumns, type Table } from "drizzle-orm";
import type { TiltsDatabase } from "../../db/connection";
import { getDb } from "./db.server";

export function prepared(source: string): () => Statement {
  const byConnection = new WeakMap<TiltsDatabase, Statement>();
  return () => {
    const db = getDb();
    let statement = byConnection.get(db);
    if (!statement) {
      statement = db.$client.prepare(source);
      byConnection.set(db, statement);
    }
    return statement;
  };
}

/**
 * A table's columns for a raw SELECT, each under its key in the schema (`y."user_id" AS "userId"`), so
 * a row comes out as drizzle's select() gives it, for tables whose columns need no conversion (text and
 * plain numbers, no JSON, boolean or timestamp modes: the caller's test compares with drizzle's rows).
 */
export function columnsAs(table: Table, alias: string, prefix = ""): string {
  return Object.entries(getTableColumns(table))
    .map(([key, column]) => `${alias}."${column.name}" AS "${prefix}${key}"`)
    .join(", ");
}

/** A row of `columnsAs(…, prefix)` columns of two tables, split back into one object per table. */
export function splitRow<A, B>(row: Record<string, unknown>, prefixA: string, prefixB: string): { a: A; b: B } {
  const a: Record<string, unknown> = {};
  const b: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefixA)) a[key.slice(prefixA.length)] = value;
    else if (key.startsWith(prefixB)) b[key.slice(prefixB.length)] = value;
  }
  return { a: a as A, b: b as B };
}
