/** The organisation lead's home: help asked, the cases by phase, who needs a mentor (decision 030: its own chunk). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Phase } from "~/domain/phase";
import { CASE_PAGE_SIZE, NEEDS_MENTOR_PAGE_SIZE, type CaseListQuery } from "~/domain/case-list";
import type { CaseOversight } from "~/models/home.server";
import type { CaseCard } from "~/models/young-people.server";
import { CasePager, PhaseFilter } from "../case-pages";
import { CaseTable } from "../case-list";
import { NeedsMentorList } from "../mentoring-flags";
import { LeadHelpList } from "../help-lists";
import { FeltHeardRate } from "../review-cards";
import type { RoleHomeData } from "../role-home";

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
        <CasePager query={query} total={listed} size={CASE_PAGE_SIZE} pageOf="page" hash="#cases-heading" />
      </section>
      <NeedsMentorList
        entries={needsMentor}
        total={needsMentorCount}
        footer={<CasePager query={query} total={needsMentorCount} size={NEEDS_MENTOR_PAGE_SIZE} pageOf="needsMentorPage" hash="#needs-mentor-heading" />}
      />
      <FeltHeardRate rate={feltHeard} />
    </>
  );
}

export default function LeadHomePage({ home }: { home: RoleHomeData<"lead"> }) {
  return <LeadHome {...home} />;
}
