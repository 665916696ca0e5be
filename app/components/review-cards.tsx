/**
 * The small review pieces other pages show (the due line, the caseload flag, the young person's card, the
 * felt-heard rate): their own file, so a home or a caseload does not carry the review pages' code
 * (decision 030). `./reviews` re-exports them.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

export type DueView =
  { kind: "none" } | { kind: "scheduled"; on: string } | { kind: "due"; on: string; days: number } | { kind: "overdue"; on: string; days: number };

export function useReviewDate() {
  const { i18n } = useTranslation();
  return (on: string) => formatDate(on, i18n.language as Locale);
}

/** "Review overdue by 12 days" / "Next review due: 19.06.2027." / "Review meeting: …". */
export function ReviewDueLine({ due, className }: { due: DueView; className?: string }) {
  const { t } = useTranslation();
  const date = useReviewDate();
  if (due.kind === "none") return null;
  if (due.kind === "overdue") return <span className={className ?? "review-overdue"}>{t("reviews.due.overdue", { count: due.days })}</span>;
  if (due.kind === "scheduled") return <span className={className}>{t("reviews.due.scheduled", { date: date(due.on) })}</span>;
  return <span className={className}>{t("reviews.due.due", { date: date(due.on) })}</span>;
}

/** On a caseload row, under the name. */
export function ReviewOverdueFlag({ due }: { due: DueView }) {
  return (
    <>
      <br />
      <ReviewDueLine due={due} />
    </>
  );
}

/**
 * The young person's card on their home: ask for a review, or "your review is on …" and
 * "write your statement"; after the review, "did you feel heard?".
 */
export function YouthReviewCard({
  youngPersonId,
  card,
}: {
  youngPersonId: string;
  card: { next: { id: string; heldOn: string; time: string; statementWritten: boolean } | null; requestedOn: string | null; feltHeardReviewId: string | null };
}) {
  const { t } = useTranslation();
  const date = useReviewDate();
  const base = `/plan/${youngPersonId}/reviews`;
  return (
    <section className="card" aria-labelledby="review-card-heading">
      <h2 id="review-card-heading">{t("reviews.card.heading")}</h2>
      {card.feltHeardReviewId ? (
        <p>
          <Link to={`${base}/${card.feltHeardReviewId}#felt-heard`}>{t("reviews.card.feltHeard")}</Link>
        </p>
      ) : null}
      {card.next ? (
        <>
          <p>{t("reviews.card.next", { date: date(card.next.heldOn), time: card.next.time })}</p>
          <p>
            <Link to={`${base}/${card.next.id}#statement`}>
              {t(card.next.statementWritten ? "reviews.card.changeStatement" : "reviews.card.writeStatement")}
            </Link>
          </p>
        </>
      ) : (
        <AskForReview youngPersonId={youngPersonId} requestedOn={card.requestedOn} />
      )}
    </section>
  );
}

/** "Ask for a review": one button, then "you asked on …". */
export function AskForReview({ youngPersonId, requestedOn }: { youngPersonId: string; requestedOn: string | null }) {
  const { t } = useTranslation();
  const date = useReviewDate();
  if (requestedOn) return <p role="status">{t("reviews.request.sent", { date: date(requestedOn) })}</p>;
  return (
    <Form method="post" action={`/plan/${youngPersonId}/reviews`}>
      <p className="muted">{t("reviews.request.hint")}</p>
      <button type="submit" name="intent" value="request" className="button button--primary">
        {t("reviews.request.button")}
      </button>
    </Form>
  );
}

/** The lead's home: how young people answered "did you feel heard?" (shares only, under five answers nothing). */
export function FeltHeardRate({ rate }: { rate: { total: number; yes: number; partly: number; no: number } | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="felt-heard-heading">
      <h2 id="felt-heard-heading">{t("reviews.feltHeardRate.heading")}</h2>
      <p className={rate ? undefined : "muted"}>{rate ? t("reviews.feltHeardRate.rate", rate) : t("reviews.feltHeardRate.tooFew")}</p>
    </section>
  );
}

/** On the plan's overview: the next review and a link to the reviews. */
export function ReviewBanner({ youngPersonId, due }: { youngPersonId: string; due: DueView }) {
  const { t } = useTranslation();
  return (
    <p className={due.kind === "overdue" ? "notice review-banner" : "review-banner"}>
      <ReviewDueLine due={due} /> <Link to={`/plan/${youngPersonId}/reviews`}>{t("reviews.title")}</Link>
    </p>
  );
}
