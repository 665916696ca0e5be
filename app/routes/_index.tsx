import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminHome, CarerHome, LeadHome, MentorHome, SpecialistHome, YouthHomeView } from "~/components/homes";
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
  return json({
    title: `${t(`home.${user.role}.title`)} · ${t("app.name")}`,
    displayName: user.displayName,
    home: homeFor(actorOf(user), today(), {
      caseList: caseListQueryOf(new URL(request.url).searchParams),
      tickedStepId: tickedStep(request),
      leaverMonths: leaverMonthsOf(new URL(request.url).searchParams.get("leaving")),
      reviewEntries: reviewWorklistEntries,
    }),
  });
}

export default function HomePage() {
  const { t } = useTranslation();
  const { home, displayName } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="greeting">{t("home.greeting", { name: displayName })}</p>
      {home.role === "youth" ? <YouthHomeView youth={home.youth} /> : null}
      {home.role === "mentor" ? <MentorHome dashboard={home.dashboard} help={home.help} quickLog={home.quickLog} /> : null}
      {home.role === "specialist" ? <SpecialistHome {...home} /> : null}
      {home.role === "carer" ? <CarerHome youngPeople={home.youngPeople} dutiesToConfirm={home.dutiesToConfirm} /> : null}
      {home.role === "lead" ? <LeadHome {...home} /> : null}
      {home.role === "admin" ? <AdminHome {...home} /> : null}
    </>
  );
}
