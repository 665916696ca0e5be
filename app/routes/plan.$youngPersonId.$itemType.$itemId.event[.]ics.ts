/**
 * One goal, step or meeting as an .ics file to add to a calendar:
 * /plan/<id>/goals/<goal>/event.ics, /plan/<id>/steps/<step>/event.ics, /plan/<id>/meetings/<mentorship>/event.ics,
 * /plan/<id>/reviews/<review>/event.ics (for the people invited to the review).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { itemCalendar, type ItemRef } from "~/models/calendar-feeds.server";
import { reviewDetail } from "~/models/reviews.server";
import { invariantResponse } from "~/utils/http.server";
import { linkOrigin } from "~/utils/security.server";
import { requirePlan } from "~/utils/plan-access.server";

function itemRef(type: string | undefined, id: string | undefined): ItemRef | null {
  if (!id) return null;
  if (type === "goals") return { type: "goal", id };
  if (type === "steps") return { type: "step", id };
  if (type === "meetings") return { type: "meeting", mentorshipId: id };
  if (type === "reviews") return { type: "review", id };
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ref = itemRef(params.itemType, params.itemId);
  invariantResponse(ref, "Not found");
  // Each item asks its own action: a meeting belongs to the mentorship, a goal or step to the plan (and its domain).
  const action = ref.type === "meeting" ? "mentorship.view" : ref.type === "review" ? "review.view" : "plan.view";
  const access = await requirePlan(request, params.youngPersonId, action, { part: "calendar-file" });
  // A mentor or carer downloads only a review they are invited to.
  if (ref.type === "review") invariantResponse(reviewDetail(access.plan.youngPersonId, ref.id, access.viewer), "Not found");
  const text = itemCalendar(access.user, access.viewer, access.plan.youngPersonId, ref, linkOrigin(request), access.today);
  invariantResponse(text, "Not found");
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="tilts-${ref.type}.ics"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
