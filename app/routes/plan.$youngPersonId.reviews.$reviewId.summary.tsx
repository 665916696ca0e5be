/**
 * The one-page summary of a recorded review, to print (the browser makes the PDF; reviews.css has the
 * print stylesheet). Written in the plan's language, the young person's own, whoever prints it;
 * `?lng=` chooses another.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DOMAINS } from "~/domain/vocabulary";
import { planLocale, reviewDetail, reviewPack } from "~/models/reviews.server";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http.server";
import { getFixedT, requestedLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import reviewStyles from "~/styles/reviews.css";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** Everything on the page is translated on the server in the plan's language. */
export const handle: TranslationHandle = { i18n: ["pages.print"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "review.view");
  const detail = reviewDetail(access.plan.youngPersonId, params.reviewId ?? "", access.viewer);
  invariantResponse(detail && detail.status === "recorded", "Not found");
  const card = getCaseCard(actorOf(access.user), access.plan.youngPersonId, access.today);
  invariantResponse(card, "Not found");
  const locale = requestedLocale(request) ?? planLocale(card.id) ?? access.user.locale;
  const t = getFixedT(locale);
  const date = (on: string) => formatDate(on, locale);
  /** In the young person's own view their goals are "Es" / "Я" / "Me" (components/plan/owner-label.ts). */
  const own = access.user.role === "youth";
  const focus = reviewPack(card.id, detail, access.viewer, access.today).focus;
  const decided = new Set(detail.decisions.map((d) => d.domain));
  const focusDomains = [...new Set([...focus, ...DOMAINS.filter((d) => decided.has(d))])];
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("reviews.summary.title", { name: card.displayName })} · ${t("app.name")}`,
    locale,
    youngPersonId: card.id,
    reviewId: detail.id,
    heading: t("reviews.summary.title", { name: card.displayName }),
    when: t("reviews.review.when", { date: date(detail.heldOn), time: detail.time }),
    labels: {
      attended: t("reviews.summary.attended"),
      focus: t("reviews.summary.focus"),
      decisions: t("reviews.summary.decisions"),
      goals: t("reviews.summary.goals"),
      goal: t("reviews.summary.goal"),
      owner: t("reviews.summary.owner"),
      due: t("reviews.summary.due"),
      next: t("reviews.summary.next"),
      back: t("reviews.summary.back"),
      print: t("reviews.summary.print"),
      none: t("reviews.summary.none"),
    },
    attended: detail.participants.filter((p) => p.attended).map((p) => `${p.name} (${t(`reviews.kinds.${p.kind}`)})`),
    focus: focusDomains.map((d) => t(`domains.${d}.name`)),
    decisions: detail.decisions.map((d) => ({ domain: t(`domains.${d.domain}.name`), decision: d.decision })),
    goals: detail.agreedGoals.map((g) => ({
      id: g.id,
      title: g.title,
      owner: t(`plan.owner.${g.owner}`, own && g.owner === "youth" ? { context: "own" } : {}),
      due: g.dueDate ? date(g.dueDate) : "–",
    })),
    next: detail.nextReviewOn ? date(detail.nextReviewOn) : "–",
  });
}

export default function ReviewSummaryPage() {
  const data = useLoaderData<typeof loader>();
  const { labels } = data;
  return (
    <article className="review-summary" lang={data.locale}>
      <p className="breadcrumb no-print">
        <Link to={`/plan/${data.youngPersonId}/reviews/${data.reviewId}`}>{labels.back}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{data.heading}</h1>
      <p>{data.when}</p>
      <section>
        <h2>{labels.attended}</h2>
        <p>{data.attended.length ? data.attended.join(", ") : labels.none}</p>
      </section>
      <section>
        <h2>{labels.focus}</h2>
        <p>{data.focus.length ? data.focus.join(", ") : labels.none}</p>
      </section>
      <section>
        <h2>{labels.decisions}</h2>
        {data.decisions.length ? (
          <dl>
            {data.decisions.map((d) => (
              <div key={d.domain}>
                <dt>
                  <strong>{d.domain}</strong>
                </dt>
                <dd className="decision">{d.decision}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{labels.none}</p>
        )}
      </section>
      <section>
        <h2>{labels.goals}</h2>
        {data.goals.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{labels.goal}</th>
                <th scope="col">{labels.owner}</th>
                <th scope="col">{labels.due}</th>
              </tr>
            </thead>
            <tbody>
              {data.goals.map((g) => (
                <tr key={g.id}>
                  <td>{g.title}</td>
                  <td>{g.owner}</td>
                  <td>{g.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{labels.none}</p>
        )}
      </section>
      <section>
        <h2>{labels.next}</h2>
        <p>{data.next}</p>
      </section>
      <p className="no-print muted">{labels.print}</p>
    </article>
  );
}
