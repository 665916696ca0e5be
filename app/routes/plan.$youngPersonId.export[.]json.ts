/** "Download everything about me" as one JSON file (docs/decisions/011-audit-export-erasure.md). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { myData } from "~/models/my-data.server";
import { invariantResponse } from "~/utils/http.server";
import { requirePlan } from "~/utils/plan-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "record.export", { part: "export" });
  const data = myData(access.plan.youngPersonId, access.viewer, access.today);
  invariantResponse(data, "Not found");
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tilts-my-data-${access.today}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
