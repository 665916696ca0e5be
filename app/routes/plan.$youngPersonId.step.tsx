import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { findStep, setStepDone } from "~/models/plans.server";
import { invariantResponse, safeRedirectPath, readFormData } from "~/utils/http.server";
import { requirePlan } from "~/utils/plan-access.server";

const tickSchema = z.object({
  stepId: z.string().min(1).max(64),
  done: z.enum(["0", "1"]),
  returnTo: z.string().max(2000).optional(),
});

/** Ticks or unticks one step, then goes back to the page the tap came from. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const parsed = tickSchema.safeParse(Object.fromEntries(await readFormData(request)));
  invariantResponse(parsed.success, "Bad request", { status: 400 });
  const step = findStep(access.plan.id, parsed.data.stepId);
  invariantResponse(step && access.mayChangeStep(step.owner), "Not found");
  setStepDone(access.plan.id, step.id, access.user.id, parsed.data.done === "1");
  return redirect(safeRedirectPath(parsed.data.returnTo, `/plan/${params.youngPersonId}`));
}

export function loader({ params }: { params: { youngPersonId?: string } }) {
  return redirect(`/plan/${params.youngPersonId ?? ""}`);
}
