/**
 * The home page's data (app/routes/_index.tsx): who is signed in, their role's home, the page's title.
 * Here rather than in the route so that the route's browser module imports one server-only module (an
 * empty stub in the browser's code) instead of eight, and no domain helper the loader alone uses
 * (decision 030).
 */
import { homeFor } from "~/models/home.server";
import { leaverMonthsOf } from "~/domain/worklist";
import { caseListQueryOf } from "~/domain/case-list";
import { requireUser } from "~/utils/auth.server";
import { actorOf } from "~/utils/authz.server";
import { today } from "~/utils/clock.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { tickedStep } from "~/utils/flash.server";

/**
 * The page's data, and the headers of its answer: the step the young person just ticked here ("Done!
 * Next: …", app/utils/flash.server.ts) is shown once, then its cookie is cleared.
 */
export async function homePage(request: Request) {
  const user = await requireUser(request);
  const tickedStepId = tickedStep.read(request)?.[0] ?? null;
  const t = getFixedT(resolveLocale(request, user.locale));
  const query = new URL(request.url).searchParams;
  const home = homeFor(actorOf(user), today(), {
    caseList: caseListQueryOf(query),
    tickedStepId,
    leaverMonths: leaverMonthsOf(query.get("leaving")),
  });
  return {
    data: { title: `${t(`home.${user.role}.title`)} · ${t("app.name")}`, displayName: user.displayName, home },
    init: tickedStepId ? { headers: { "Set-Cookie": tickedStep.clear() } } : undefined,
  };
}
