/** A goal agreed in a review links back to it (issue 11); its own file, so the goal page loads only this string. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

/** On a goal's page: "Agreed in the review of 4 March" (or "Changed in the review of …"), linking to the review. */
export function AgreedInReview({
  youngPersonId,
  agreed,
}: {
  youngPersonId: string;
  agreed: { reviewId: string; heldOn: string; change?: "agreed" | "changed" } | null;
}) {
  const { t, i18n } = useTranslation();
  const date = (on: string) => formatDate(on, i18n.language as Locale);
  if (!agreed) return null;
  return (
    <p className="muted">
      <Link to={`/plan/${youngPersonId}/reviews/${agreed.reviewId}`}>
        {t(agreed.change === "changed" ? "reviews.changedIn" : "reviews.agreedIn", { date: date(agreed.heldOn) })}
      </Link>
    </p>
  );
}
