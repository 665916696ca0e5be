/** The home page of each role. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Phase } from "~/domain/phase";
import { CASE_PAGE_SIZE, NEEDS_MENTOR_PAGE_SIZE, type CaseListQuery } from "~/domain/case-list";
import { Pager, PhaseFilter } from "./case-pages";
import type { Locale } from "~/domain/vocabulary";
import type { OrganisationMember } from "~/models/organisations.server";
import type { CaseOversight, QuickLog, YouthHome } from "~/models/home.server";
import type { MentorDashboard } from "~/models/mentorships.server";
import type { CaseCard } from "~/models/young-people.server";
import { formatDate } from "~/utils/format";
import type { DutiesToConfirm } from "~/models/budget.server";
import { DutiesToConfirmList } from "./budget";
import { CaseCards, CaseTable } from "./case-list";
import { MeetingText, MenteeCards, NeedsMentorList } from "./mentoring";
import { PhaseBadge, useCountdownText } from "./phase";
import { ExpiringDocuments, NextSteps } from "./plan/overview";
import { LeadHelpList, MentorHelpAsked } from "./help";
import { WellbeingCard } from "./wellbeing";
import { MentorWaiting } from "./mentor-waiting";
import { Worklist } from "./worklist";
import type { WorklistSection } from "~/domain/worklist";
import { FeltHeardRate, YouthReviewCard } from "./reviews";
import { NextStepCard, PlanCard, WeekCard } from "./youth-home";

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

export function MentorHome({
  dashboard,
  help = [],
  quickLog,
}: {
  dashboard: MentorDashboard;
  help?: ReadonlyArray<{ id: string; youngPersonId: string; message: string; status: string; createdAt: number }>;
  quickLog?: QuickLog;
}) {
  const { t } = useTranslation();
  const { mentees, rhythmDays } = dashboard;
  return (
    <section aria-labelledby="mentees-heading">
      <h1 id="mentees-heading">{t("home.mentor.title")}</h1>
      <p className="muted">{t("mentoring.dashboard.intro", { count: rhythmDays })}</p>
      {mentees.length === 0 ? (
        <p className="card empty">{t("home.mentor.none")}</p>
      ) : (
        <MenteeCards
          mentees={mentees}
          quickLog={quickLog}
          helpOf={(m) => (
            <MentorHelpAsked name={m.displayName} youngPersonId={m.youngPersonId} requests={help.filter((h) => h.youngPersonId === m.youngPersonId)} />
          )}
        />
      )}
      {/* Who is coming and when: a first name and the day the window opens (decision 026). */}
      <MentorWaiting upcoming={dashboard.upcoming} />
    </section>
  );
}

export function SpecialistHome({
  caseload,
  rhythms,
  needsMentor,
  worklist,
  leaverMonths,
  reviewsDue,
}: { caseload: CaseCard[]; worklist?: WorklistSection[]; leaverMonths?: number } & CaseOversight) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="caseload-heading">
        <h1 id="caseload-heading">{t("home.specialist.title")}</h1>
        <p className="muted">{t("home.specialist.count", { count: caseload.length })}</p>
        <p className="plan-links">
          <Link to="/records/new">{t("org.record.newTitle")}</Link>
        </p>
        {worklist ? <Worklist sections={worklist} leaverMonths={leaverMonths ?? 6} /> : null}
        {caseload.length === 0 ? (
          <p className="card empty">{t("home.specialist.none")}</p>
        ) : (
          <CaseTable cases={caseload} rhythms={rhythms} reviewsDue={reviewsDue} caption={t("home.specialist.title")} />
        )}
      </section>
      <NeedsMentorList entries={needsMentor} />
    </>
  );
}

export function CarerHome({ youngPeople, dutiesToConfirm = [] }: { youngPeople: CaseCard[]; dutiesToConfirm?: DutiesToConfirm }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="carer-heading">
        <h1 id="carer-heading">{t("home.carer.title")}</h1>
        <p className="muted">{t("home.carer.intro")}</p>
        {youngPeople.length === 0 ? <p className="card empty">{t("home.carer.none")}</p> : <CaseCards cases={youngPeople} />}
      </section>
      {/* After the h1, so the headings go h1 → h2 (issue 14). */}
      <DutiesToConfirmList entries={dutiesToConfirm} />
    </>
  );
}

export function LeadHome({
  organisationName,
  cases,
  caseCount,
  listed = caseCount,
  query = { phase: null, page: 1, needsMentorPage: 1 },
  needsMentorCount,
  byPhase,
  rhythms,
  needsMentor,
  help = [],
  reviewsDue,
  feltHeard = null,
}: {
  help?: ReadonlyArray<{ id: string; youngPersonId: string; displayName: string; status: string; createdAt: number }>;
  organisationName: string;
  cases: CaseCard[];
  caseCount: number;
  /** How many records the (phase-filtered) list has in all; `cases` is one page of them. */
  listed?: number;
  query?: CaseListQuery;
  needsMentorCount: number;
  byPhase: Record<Phase, number>;
  feltHeard?: { total: number; yes: number; partly: number; no: number } | null;
} & CaseOversight) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{organisationName}</h1>
      <LeadHelpList requests={help} />
      <p className="plan-links">
        <Link to="/records/new">{t("org.record.newTitle")}</Link>
        <Link to="/organisation/people">{t("org.people.title")}</Link>
        <Link to="/organisation/statistics">{t("org.statistics.title")}</Link>
        <Link to="/organisation/skills">{t("skills.organisation.title")}</Link>
        <Link to="/organisation/settings">{t("organisation.settings.title")}</Link>
        <Link to="/organisation/erasure">{t("keys.erase.title")}</Link>
        <Link to="/organisation/support">{t("budget.support.navLink")}</Link>
      </p>
      <section aria-labelledby="phases-heading">
        <h2 id="phases-heading">{t("home.lead.byPhase")}</h2>
        <PhaseFilter byPhase={byPhase} query={query} />
      </section>
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">
          {t("home.lead.cases")}
          {query.phase ? ` · ${t(`phase.${query.phase}.name`)}` : null}
        </h2>
        {cases.length === 0 ? (
          <p className="card empty">{t("home.lead.none")}</p>
        ) : (
          <CaseTable cases={cases} rhythms={rhythms} reviewsDue={reviewsDue} caption={t("home.lead.cases")} />
        )}
        <Pager query={query} total={listed} size={CASE_PAGE_SIZE} pageOf="page" hash="#cases-heading" />
      </section>
      <NeedsMentorList
        entries={needsMentor}
        total={needsMentorCount}
        footer={<Pager query={query} total={needsMentorCount} size={NEEDS_MENTOR_PAGE_SIZE} pageOf="needsMentorPage" hash="#needs-mentor-heading" />}
      />
      <FeltHeardRate rate={feltHeard} />
    </>
  );
}

export function AdminHome({ organisationName, members }: { organisationName: string; members: OrganisationMember[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{organisationName}</h1>
      <p className="muted">{t("home.admin.intro")}</p>
      <p className="plan-links">
        <Link to="/organisation/people">{t("org.people.title")}</Link>
        <Link to="/organisation/statistics">{t("org.statistics.title")}</Link>
        <Link to="/organisation/skills">{t("skills.organisation.title")}</Link>
        <Link to="/organisation/settings">{t("organisation.settings.title")}</Link>
        <Link to="/organisation/support">{t("budget.support.navLink")}</Link>
      </p>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("home.admin.members", { count: members.length })}</h2>
        <ul className="member-list">
          {members.map((m) => (
            <li key={m.id} className="card member">
              <span className="member__name">{m.displayName}</span>
              <span className="member__email">{m.email}</span>
              <span className="member__role">
                {t(`roles.${m.role}`)}
                {m.disabled ? ` · ${t("home.admin.disabled")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
