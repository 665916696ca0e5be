import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadRoleHome, RoleHome } from "~/components/role-home";
import { homeFor } from "~/models/home.server";
import { reviewWorklistEntries } from "~/models/reviews.server";
import { leaverMonthsOf } from "~/domain/worklist";
import { caseListQueryOf } from "~/domain/case-list";
import { requireUser } from "~/utils/auth.server";
import { actorOf } from "~/utils/authz.server";
import { today } from "~/utils/clock.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";
import { readFlash } from "~/utils/flash.server";

/** The step the young person just ticked here ("Done! Next: …"), from the flash the tick set. */
function tickedStep(request: Request): string | null {
  const flash = readFlash(request);
  return flash?.key === "stepDone" ? flash.subject : null;
}

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = {
  i18n: [
    "budget",
    "case",
    "countdown",
    "documents",
    "domains",
    "feedback",
    "help",
    "home",
    "keys",
    "mentoring",
    "org.home",
    "org.people",
    "org.record",
    "org.statistics",
    "organisation",
    "pages.overview",
    "phase",
    "plan",
    "reviews",
    "roles",
    "skills",
    "weekly.mentorWaiting",
    "wellbeing",
    "worklist",
  ],
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getFixedT(resolveLocale(request, user.locale));
  const home = homeFor(actorOf(user), today(), {
    caseList: caseListQueryOf(new URL(request.url).searchParams),
    tickedStepId: tickedStep(request),
    leaverMonths: leaverMonthsOf(new URL(request.url).searchParams.get("leaving")),
    reviewEntries: reviewWorklistEntries,
  });
  // The page renders to one string (decision 009): the role's home module must be here before it does.
  await loadRoleHome(home.role);
  return json({ title: `${t(`home.${user.role}.title`)} · ${t("app.name")}`, displayName: user.displayName, home });
}

/**
 * A client-side navigation to the home fetches the role's home code with the data (decision 030), so
 * the page never renders without it. The first page load hydrates from the server's data without this.
 * If the code cannot be fetched, the home loads as a document (it works without JavaScript).
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  try {
    await loadRoleHome(data.home.role);
  } catch {
    window.location.assign(request.url);
    await new Promise(() => {});
  }
  return data;
}

export default function HomePage() {
  const { t } = useTranslation();
  const { home, displayName } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="greeting">{t("home.greeting", { name: displayName })}</p>
      <RoleHome home={home} />
    </>
  );
}
