/** What every printout carries: whose plan it is, the organisation and the day it was printed. */
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import type { PrintedFor } from "~/models/print.server";
import { formatDate } from "~/utils/format";

/** Shown only on paper, unless `always` (the printable plan shows it on screen too). */
export function PrintHeader({ printed, always = false }: { printed: PrintedFor; always?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <p className={always ? "print-header" : "print-header print-only"}>
      <strong>{printed.name}</strong> · {printed.organisation} · {t("pages.print.printedOn", { date: formatDate(printed.printedOn, i18n.language as Locale) })}
    </p>
  );
}

/** The same line from the page's own loader data (`printed: printedFor(…)`), for pages that print as they are. */
export function LoaderPrintHeader() {
  const data = useLoaderData() as { printed?: PrintedFor } | undefined;
  return data?.printed ? <PrintHeader printed={data.printed} /> : null;
}
