/** The young person's home (decision 030: each role's home is its own chunk, loaded for that role only). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import type { YouthHome } from "~/models/home.server";
import { formatDate } from "~/utils/format";
import { MeetingText } from "../mentoring-flags";
import { PhaseBadge, useCountdownText } from "../phase";
import { ExpiringDocuments, NextSteps } from "../plan/overview";
import { WellbeingCard } from "../wellbeing-card";
import { YouthReviewCard } from "../review-cards";
import { NextStepCard, PlanCard, WeekCard } from "../youth-home";
import type { RoleHomeData } from "../role-home";

export function YouthHomeView({ youth }: { youth: YouthHome | null }) {
  const { t, i18n } = useTranslation();
  const countdownText = useCountdownText();
  const locale = i18n.language as Locale;
  if (!youth) {
    return (
      <section className="card">
        <h1>{t("home.youth.title")}</h1>
        <p>{t("home.youth.noRecord")}</p>
      </section>
    );
  }
  const { card, nextSteps, expiring, nextMeeting, week, reward } = youth;
  const { summary } = card;
  const [first, ...later] = nextSteps;
  return (
    <>
      <section className="card hero" aria-labelledby="phase-heading">
        <h1 id="phase-heading" className="hero__title">
          {t("home.youth.title")}
        </h1>
        <p>
          <PhaseBadge phase={summary.phase} /> <span className="hero__countdown">{countdownText(summary.countdown)}</span>
        </p>
        <p className="muted">
          {t(summary.careEndIsActual ? "phase.careEndedOn" : "phase.careEndPlannedOn", {
            date: formatDate(summary.careEnd, locale),
          })}
        </p>
      </section>

      <NextStepCard youngPersonId={card.id} step={first ?? null} reward={reward} />
      <WeekCard week={week} />

      {/* The home's cards, one per line, in the order a young person needs them (issue 14): new cards
          (the well-being check, the review) go into this list as one line each. */}
      <div className="home-cards" id="home-cards">
        <YouthReviewCard youngPersonId={card.id} card={youth.review} />
        {youth.wellbeingDue ? <WellbeingCard youngPersonId={card.id} returnTo="/#home-cards" /> : null}
        <ExpiringDocuments youngPersonId={card.id} documents={expiring} />
        {later.length > 0 ? <NextSteps youngPersonId={card.id} steps={later} returnTo="/#next-step" /> : null}
        <PlanCard youngPersonId={card.id} done={youth.stepsDone} total={youth.stepsTotal} />
      </div>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("home.youth.people")}</h2>
        <ul className="people">
          <li>
            <Link to={`/plan/${card.id}/mentoring`} className="card card-link person">
              <span className="person__role">{t("home.youth.yourMentor")}</span>
              <span className="person__name">{card.mentor?.displayName ?? t("home.youth.noMentor")}</span>
              {nextMeeting ? (
                <span>
                  {t("mentoring.nextMeeting")}: <MeetingText meeting={nextMeeting} />
                </span>
              ) : null}
            </Link>
          </li>
          <li className="card person">
            <span className="person__role">{t("home.youth.yourSpecialist")}</span>
            <span className="person__name">{card.specialist?.displayName ?? t("home.youth.noSpecialist")}</span>
          </li>
        </ul>
        <p className="muted">{t(`phase.${summary.phase}.forYouth`)}</p>
      </section>
    </>
  );
}

export default function YouthHomePage({ home }: { home: RoleHomeData<"youth"> }) {
  return <YouthHomeView youth={home.youth} />;
}
