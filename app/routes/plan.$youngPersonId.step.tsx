import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { findStep, setStepDone } from "~/models/plans.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { landOn } from "~/utils/land-on.server";
import { forms, parseFields } from "~/utils/forms.server";
import { requirePlan } from "~/utils/plan-access.server";
import { saved, tickedStep } from "~/utils/flash.server";

/**
 * Ticks or unticks one step, then goes back to the page the tap came from. A page with many steps posts
 * one shared form whose buttons say `tick=<step id>:<1|0>` (components/plan/step-list.tsx); it lands
 * back on the step's goal.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const formData = await readFormData(request);
  const shared = formData.get("tick");
  if (typeof shared === "string") {
    const [stepId = "", done = ""] = shared.split(":");
    formData.set("stepId", stepId);
    formData.set("done", done);
  }
  const tick = parseFields(formData, forms.tickStep);
  invariantResponse(tick, "Bad request", { status: 400 });
  const step = findStep(access.plan.id, tick.stepId);
  invariantResponse(step && access.mayChangeStep(step.owner), "Not found");
  access.requireSections(step.domain);
  const done = tick.done === "1";
  setStepDone(access.plan.id, step.id, access.user.id, done);
  // Back at the element acted on: the form's own fragment (#next-step on the home, #next-steps on the
  // overview, #steps on a goal), or the step's goal on a page of many goals.
  const back = landOn(tick.returnTo, { fallback: `/plan/${params.youngPersonId}`, fragment: typeof shared === "string" ? `goal-${step.goalId}` : null });
  // "Done!" (and, back on the home, what the tick moved: app/components/youth-home.tsx).
  const { headers } = saved(done ? "stepDone" : "stepUndone");
  if (done && new URL(back, request.url).pathname === "/") headers.append("Set-Cookie", tickedStep.keep([step.id]));
  return redirect(back, { headers });
}

export function loader({ params }: { params: { youngPersonId?: string } }) {
  return redirect(`/plan/${params.youngPersonId ?? ""}`);
}
