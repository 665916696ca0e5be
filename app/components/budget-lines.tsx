/**
 * Budget lines other pages show (a goal's savings, the carer's duties to confirm) and `useMoney`: their
 * own file, so those pages do not carry the budget's charts (decision 030). `./budget` re-exports them.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatMoney, type Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";

export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (amount: number) => formatMoney(amount as Cents, locale);
}

/** On a plan goal's page: what the budget's savings goals for it hold. */
export function GoalSavings({
  youngPersonId,
  savings,
}: {
  youngPersonId: string;
  savings: Array<{ id: string; title: string | null; saved: number; targetCents: number | null }>;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  if (savings.length === 0) return null;
  return (
    <section aria-labelledby="goal-savings-heading" className="card">
      <h2 id="goal-savings-heading">{t("budget.goalPage.title")}</h2>
      {savings.map((s) => {
        const target = s.targetCents ?? 0;
        const percent = target > 0 ? Math.min(100, Math.floor((Math.max(0, s.saved) * 100) / target)) : 100;
        const label = t("budget.goalPage.line", { title: s.title ?? "", saved: money(s.saved), target: money(target), percent });
        return (
          <p key={s.id}>
            <Link to={`/plan/${youngPersonId}/budget#goals-heading`}>{label}</Link>
            <br />
            <progress max={100} value={percent} aria-label={label} className="goal-savings__bar" />
          </p>
        );
      })}
    </section>
  );
}

/** The carer's home: whose duties wait for a "done" or "not done" this week (the carer's first write). */
export function DutiesToConfirmList({ entries }: { entries: ReadonlyArray<{ youngPersonId: string; displayName: string; open: number }> }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="duties-to-confirm-heading" className="card next-steps">
      <h2 id="duties-to-confirm-heading">{t("budget.carerHome.title")}</h2>
      <ul className="step-list">
        {entries.map((e) => (
          <li key={e.youngPersonId}>
            <Link to={`/plan/${e.youngPersonId}/budget/pocket-money`}>{t("budget.carerHome.line", { name: e.displayName, count: e.open })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
