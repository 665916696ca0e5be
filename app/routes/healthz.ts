import { json } from "@remix-run/node";
import { getDb } from "~/utils/db.server";

/** Liveness and database check for monitors: 200 when the database answers, 503 when it does not. */
export function loader() {
  let database = false;
  try {
    database = getDb().$client.prepare("SELECT 1 AS ok").get() !== undefined;
  } catch {
    database = false;
  }
  return json({ status: database ? "ok" : "unavailable", database }, { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
