/** The phase and the countdown to (or since) the care end date, shown on every screen about a young person. */
import { useTranslation } from "react-i18next";
import type { Countdown, PhaseSummary } from "~/domain/phase";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

export function useCountdownText() {
  const { t } = useTranslation();
  return (countdown: Countdown) =>
    countdown.direction === "today" ? t("countdown.today") : t(`countdown.${countdown.direction}.${countdown.unit}`, { count: countdown.count });
}

export function PhaseBadge({ phase }: { phase: PhaseSummary["phase"] }) {
  const { t } = useTranslation();
  return <span className={`phase-badge phase-badge--${phase}`}>{t(`phase.${phase}.name`)}</span>;
}

export function PhaseLine({ summary }: { summary: PhaseSummary }) {
  const { t, i18n } = useTranslation();
  const countdownText = useCountdownText();
  const locale = i18n.language as Locale;
  return (
    <p className="phase-line">
      <PhaseBadge phase={summary.phase} /> <span className="countdown">{countdownText(summary.countdown)}</span>{" "}
      <span className="muted">
        (
        {t(summary.careEndIsActual ? "phase.careEndedOn" : "phase.careEndPlannedOn", {
          date: formatDate(summary.careEnd, locale),
        })}
        )
      </span>
    </p>
  );
}
