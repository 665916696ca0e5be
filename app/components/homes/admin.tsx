/** The administrator's home: the organisation's people (decision 030: its own chunk). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrganisationMember } from "~/models/organisations.server";
import type { RoleHomeData } from "../role-home";

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

export default function AdminHomePage({ home }: { home: RoleHomeData<"admin"> }) {
  return <AdminHome {...home} />;
}
