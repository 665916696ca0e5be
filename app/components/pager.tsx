/**
 * "51–100 of 10,000" with links to the previous and the next page of a list (the lead's records, a
 * domain's goals). Plain links with GET parameters, so they work without JavaScript.
 */
import { Link } from "@remix-run/react";
import { pageCount, pageRange } from "~/domain/paging";
import type { Locale } from "~/domain/vocabulary";
import { formatNumber } from "~/utils/format";

export interface PagerWords {
  /** The navigation's name ("Pages"). */
  label: string;
  previous: string;
  next: string;
  /** "{{from}}–{{to}} of {{total}}", the numbers already written for the locale. */
  range: (from: string, to: string, total: string) => string;
}

export function Pager({
  page,
  total,
  size,
  hrefOf,
  words,
  locale,
}: {
  page: number;
  total: number;
  size: number;
  hrefOf: (page: number) => string;
  words: PagerWords;
  locale: Locale;
}) {
  const pages = pageCount(total, size);
  if (pages <= 1) return null;
  const { from, to } = pageRange(page, total, size);
  return (
    <nav className="pager" aria-label={words.label}>
      {page > 1 ? (
        <Link to={hrefOf(page - 1)} rel="prev">
          {words.previous}
        </Link>
      ) : null}{" "}
      <span className="muted">{words.range(formatNumber(from, locale), formatNumber(to, locale), formatNumber(total, locale))}</span>{" "}
      {page < pages ? (
        <Link to={hrefOf(page + 1)} rel="next">
          {words.next}
        </Link>
      ) : null}
    </nav>
  );
}
