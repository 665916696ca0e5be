/** The guard every plan page starts with: logged in, allowed by the policy for this record, plan loaded. */
import { can, type CaseAction } from "~/domain/policy";
import type { Owner, RaterKind } from "~/domain/vocabulary";
import { ensurePlan } from "~/models/plans.server";
import { requireUser } from "./auth.server";
import { actorOf, requireCaseAccess } from "./authz.server";
import { today } from "./clock.server";
import { invariantResponse } from "./http.server";

export async function requirePlan(request: Request, youngPersonId: string | undefined, action: CaseAction) {
  const user = await requireUser(request);
  invariantResponse(youngPersonId, "Not found");
  const subject = requireCaseAccess(user, youngPersonId, action);
  const day = today();
  const plan = ensurePlan(youngPersonId);
  const allowed = (a: CaseAction) => can(actorOf(user), a, subject, day);
  return {
    user,
    plan,
    today: day,
    allowed,
    /** What the page may offer this user: forms the policy would refuse are not shown. */
    permissions: {
      edit: allowed("plan.edit"),
      rate: allowed("plan.rate"),
      comment: allowed("plan.comment"),
      editOwnSteps: allowed("plan.editOwnSteps"),
      /** Life skills are confirmed by whoever sees them: the young person, or an adult who rates. */
      confirmSkills: allowed("plan.edit") || allowed("plan.rate"),
    },
    raterKind: (user.role === "youth" ? "youth" : "adult") as RaterKind,
    /** The whole plan's editors may change any step; a mentor only the steps the mentor owns. */
    mayChangeStep: (owner: Owner) => allowed("plan.edit") || (allowed("plan.editOwnSteps") && owner === user.role),
  };
}
