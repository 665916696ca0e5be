/** The carer's home: the young people in their care and the duties to confirm (decision 030: its own chunk). */
import { useTranslation } from "react-i18next";
import type { DutiesToConfirm } from "~/models/budget.server";
import type { CaseCard } from "~/models/young-people.server";
import { DutiesToConfirmList } from "../budget-lines";
import { CaseCards } from "../case-list";
import type { RoleHomeData } from "../role-home";

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

export default function CarerHomePage({ home }: { home: RoleHomeData<"carer"> }) {
  return <CarerHome youngPeople={home.youngPeople} dutiesToConfirm={home.dutiesToConfirm} />;
}
