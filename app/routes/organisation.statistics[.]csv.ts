/** The statistics as CSV (csv-stringify), with exactly the suppression of the page: a hidden cell is empty-marked. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { askedFilter, organisationStatistics } from "~/models/statistics.server";
import { requireUser } from "~/utils/auth.server";
import { requireOrganisationAccess } from "~/utils/authz.server";
import { today } from "~/utils/clock.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { statisticsCellLabel } from "~/utils/statistics-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.viewStatistics");
  const t = getFixedT(resolveLocale(request, user.locale));
  const page = organisationStatistics(user.organisationId, askedFilter(new URL(request.url)), today());
  const hidden = t("org.statistics.hiddenCsv");
  const label = (dimension: string, key: string) => statisticsCellLabel(t, dimension, key);
  const rows: string[][] = [[t("org.statistics.csvTable"), t("org.statistics.csvCategory"), t("org.statistics.csvCount")]];
  for (const table of page.statistics.tables) {
    const title = t(`org.statistics.dimensions.${table.dimension}`);
    for (const cell of table.cells) rows.push([title, label(table.dimension, cell.key), cell.suppressed ? hidden : String(cell.count)]);
    rows.push([title, t("org.statistics.total"), table.total === null ? hidden : String(table.total)]);
  }
  const filterNote = [page.filter.careForm ? t(`org.values.careForm.${page.filter.careForm}`) : null, page.filter.municipality].filter(Boolean).join(", ");
  // A BOM, so spreadsheet programs read ā, č, ж as UTF-8.
  const body = "\uFEFF" + stringify(rows, { delimiter: ",", record_delimiter: "\r\n" });
  const name = `tilts-statistics-${today()}${filterNote ? "-filtered" : ""}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
