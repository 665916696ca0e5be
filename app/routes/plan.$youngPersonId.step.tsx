import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { findStep, setStepDone } from "~/models/plans.server";
import { invariantResponse, safeRedirectPath, readFormData } from "~/utils/http.server";
import { forms, parseFields } from "~/utils/forms.server";
import { requirePlan } from "~/utils/plan-access.server";
import { saved } from "~/utils/flash.server";

/** Ticks or unticks one step, then goes back to the page the tap came from. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const tick = parseFields(await readFormData(request), forms.tickStep);
  invariantResponse(tick, "Bad request", { status: 400 });
  const step = findStep(access.plan.id, tick.stepId);
  invariantResponse(step && access.mayChangeStep(step.owner), "Not found");
  access.requireSections(step.domain);
  const done = tick.done === "1";
  setStepDone(access.plan.id, step.id, access.user.id, done);
  // "Done!" (and, on the home, what the tick moved: app/components/youth-home.tsx).
  return redirect(safeRedirectPath(tick.returnTo, `/plan/${params.youngPersonId}`), saved(done ? "stepDone" : "stepUndone", step.id));
}

export function loader({ params }: { params: { youngPersonId?: string } }) {
  return redirect(`/plan/${params.youngPersonId ?? ""}`);
}
