/** The specialist's home: the worklist and the caseload (decision 030: its own chunk). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CaseOversight } from "~/models/home.server";
import type { CaseCard } from "~/models/young-people.server";
import type { WorklistSection } from "~/domain/worklist";
import { CaseTable } from "../case-list";
import { NeedsMentorList } from "../mentoring-flags";
import { Worklist } from "../worklist";
import type { RoleHomeData } from "../role-home";

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

export default function SpecialistHomePage({ home }: { home: RoleHomeData<"specialist"> }) {
  return <SpecialistHome {...home} />;
}
