/**
 * "I need help" in the header of every screen of a young person (issue 11 item 7). Its own file: the
 * header is on every page, and the rest of the help area (forms, lists) would otherwise ride along into
 * every page's JS (decision 030).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The compact button in the header: "I need help", or after the plan has closed "I need help again". */
export function HelpButton({ youngPersonId, kind }: { youngPersonId: string; kind: "first" | "again" }) {
  const { t } = useTranslation();
  return (
    <Link to={`/plan/${youngPersonId}/help`} className="button button--help">
      {t(kind === "again" ? "nav.needHelpAgain" : "nav.needHelp")}
    </Link>
  );
}
