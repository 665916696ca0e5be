/**
 * Well-being (issue 11 item 8): the monthly "how are you doing?" and its trend. The young person answers
 * or skips; the specialist always sees the trend, the mentor and carer only when the young person shares
 * the "wellbeing" section (not by default).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WellbeingCard, WellbeingChart } from "~/components/wellbeing";
import { saveWellbeing, wellbeingPage } from "~/models/wellbeing.server";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { forms, parseForm } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { landOn } from "~/utils/land-on.server";
import { saved } from "~/utils/flash.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["pages.print", "wellbeing"] };

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

const INTENTS = {
  answer: { action: "wellbeing.check", sections: ["wellbeing"] },
  skip: { action: "wellbeing.check", sections: ["wellbeing"] },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "wellbeing.view", { sections: ["wellbeing"] });
  const id = access.plan.youngPersonId;
  const card = getCaseCard(actorOf(access.user), id, access.today);
  invariantResponse(card);
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const own = access.allowed("wellbeing.check");
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t(own ? "wellbeing.titleOwn" : "wellbeing.title")} · ${t("app.name")}`,
    youngPerson: { id, displayName: card.displayName },
    own,
    page: wellbeingPage(id, access.today),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "wellbeing.view", { sections: ["wellbeing"] });
  const id = access.plan.youngPersonId;
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);
  // Back where the card was: the home's cards, or this page's trend with the new answer.
  const back = landOn(formData.get("returnTo"), { fallback: `/plan/${id}/wellbeing#trend-heading` });
  if (intent === "skip") {
    saveWellbeing(id, access.today, "skip");
    return redirect(back, saved());
  }
  const submission = parseForm(formData, forms.help.wellbeing);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  saveWellbeing(id, access.today, { score: submission.value.score, words: submission.value.words });
  return redirect(back, saved());
}

export default function WellbeingPage() {
  const { t } = useTranslation();
  const { youngPerson, own, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPerson.id}`}>{own ? t("wellbeing.backOwn") : youngPerson.displayName}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{own ? t("wellbeing.titleOwn") : t("wellbeing.titleFor", { name: youngPerson.displayName })}</h1>
      {own && (page.due || result) ? (
        <WellbeingCard youngPersonId={youngPerson.id} returnTo={`/plan/${youngPerson.id}/wellbeing#trend-heading`} result={result} />
      ) : null}
      {own && !page.due && !result ? <p className="muted">{t("wellbeing.doneThisMonth")}</p> : null}
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("wellbeing.trendHeading")}</h2>
        <WellbeingChart trend={page.trend} />
      </section>
      {page.recent.some((r) => r.words) ? (
        <section aria-labelledby="words-heading">
          <h2 id="words-heading">{t(own ? "wellbeing.wordsOwn" : "wellbeing.wordsHeading")}</h2>
          <ul className="plain-list">
            {page.recent
              .filter((r) => r.words)
              .map((r) => (
                <li key={r.month} className="card">
                  <p className="muted">
                    {r.month} · {r.score ? t(`wellbeing.faces.${r.score}`) : t("wellbeing.skipped")}
                  </p>
                  <p className="quote">{r.words}</p>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
