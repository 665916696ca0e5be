/**
 * One mechanism for every form (issue 14): when the server refuses a form, the page opens with a short
 * summary at the top that links to each field with a problem (numbered, so it never reads exactly as the
 * message next to the field). Without JavaScript the refused post reloads the page at its top, where the
 * summary is. The document title starts with "Error:" with or without JavaScript: the root's PageMeta
 * (app/components/page-meta.tsx) prefixes it from the same router state, on the server and in the browser.
 * It reads every route's action data, so a page needs nothing of its own.
 */
import { useNavigation } from "@remix-run/react";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router";
import { formProblemsOf } from "~/domain/form-errors";
import { useErrorText } from "./form";

export function FormErrorSummary() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const navigation = useNavigation();
  const problems = Object.values(state?.actionData ?? {}).flatMap(formProblemsOf);
  const shown = problems.length > 0 && navigation.state === "idle";
  if (!shown) return null;
  return (
    <section className="error-summary" aria-labelledby="error-summary-heading" id="error-summary">
      <h2 id="error-summary-heading" className="error-summary__heading">
        {t("errors.summary", { count: problems.length })}
      </h2>
      <ul>
        {problems.map((problem, i) => (
          <li key={`${problem.href}-${i}`}>
            <a href={problem.href}>{`${i + 1}. ${errorText(problem.error) ?? ""}`}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
