/** The guard every plan page starts with: logged in, allowed by the policy for this record, plan loaded. */
import type { CaseAction } from "~/domain/policy";
import type { Section } from "~/domain/sharing";
import type { Owner, RaterKind } from "~/domain/vocabulary";
import { appendAudit } from "~/models/audit.server";
import { ensurePlan } from "~/models/plans.server";
import { requireUser } from "./auth.server";
import { requireSections, requireViewer } from "./authz.server";
import { today } from "./clock.server";
import { invariantResponse } from "./http.server";

/**
 * What a page of a record is called in the access log: the first path segment after the record's id
 * ("overview" for the plan itself). A domain page is its domain's name, i.e. its section.
 */
export function recordPart(request: Request): string {
  const segments = new URL(request.url).pathname.split("/").filter(Boolean);
  const part = segments[2] ?? "overview";
  return /^[a-z][a-z-]{0,30}$/i.test(part) ? part : "overview";
}

export async function requirePlan(
  request: Request,
  youngPersonId: string | undefined,
  action: CaseAction,
  options: { sections?: Section[]; part?: string } = {},
) {
  const user = await requireUser(request);
  invariantResponse(youngPersonId, "Not found");
  const { viewer, subject } = requireViewer(user, youngPersonId, action);
  if (options.sections) requireSections(viewer, ...options.sections);
  const day = today();
  const plan = ensurePlan(youngPersonId);
  // Opening a record (its page or its data) counts as a read (docs/decisions/011-audit-export-erasure.md).
  if (request.method === "GET" || request.method === "HEAD") {
    appendAudit({ actorId: user.id, actorRole: user.role, youngPersonId, kind: "read", part: options.part ?? recordPart(request) });
  }
  const allowed = (a: CaseAction) => viewer.actions.has(a);
  const permissions = {
    edit: allowed("plan.edit"),
    rate: allowed("plan.rate"),
    comment: allowed("plan.comment"),
    editOwnSteps: allowed("plan.editOwnSteps"),
    /** Life skills are confirmed by whoever sees them: the young person, or an adult who rates. */
    confirmSkills: allowed("plan.edit") || allowed("plan.rate"),
  };
  return {
    user,
    plan,
    today: day,
    viewer,
    subject,
    allowed,
    /** Does this viewer see the section? */
    sees: (section: Section) => viewer.sections.has(section),
    /** 404 unless the viewer sees these sections (e.g. a goal's domain). */
    requireSections: (...sections: Section[]) => requireSections(viewer, ...sections),
    /** What the page may offer this user: forms the policy would refuse are not shown. */
    permissions,
    /** 404 unless the policy gives this permission (a form without intents, e.g. the skills checklist). */
    requirePermission: (name: keyof typeof permissions) => {
      if (!permissions[name]) throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    },
    raterKind: (user.role === "youth" ? "youth" : "adult") as RaterKind,
    /** The whole plan's editors may change any step; a mentor only the steps the mentor owns. */
    mayChangeStep: (owner: Owner) => allowed("plan.edit") || (allowed("plan.editOwnSteps") && owner === user.role),
  };
}

type PlanAccess = Awaited<ReturnType<typeof requirePlan>>;

/**
 * A form's intent, checked against the route's table of which policy action (and which sections) each
 * intent needs: an unknown intent is a 400, one the policy refuses a 404. Routes do not gate by hand.
 */
export function requireIntent<I extends string>(
  access: PlanAccess,
  intent: FormDataEntryValue | null,
  table: Record<I, { action: CaseAction; sections?: readonly Section[] }>,
): I {
  if (typeof intent !== "string" || !Object.prototype.hasOwnProperty.call(table, intent)) {
    throw new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const need = table[intent as I];
  if (!access.allowed(need.action)) throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (need.sections) access.requireSections(...need.sections);
  return intent as I;
}
