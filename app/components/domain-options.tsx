/**
 * The seven domains as form choices, written once (organisation skills, the contact form, the review
 * page): `<option>`s for a select, or one checkbox per domain for a fieldset's choice grid.
 */
import { useTranslation } from "react-i18next";
import { DOMAINS, type Domain } from "~/domain/vocabulary";

/** One `<option>` per domain, in the plan's order, named in the page's language. */
export function DomainOptions() {
  const { t } = useTranslation();
  return (
    <>
      {DOMAINS.map((d) => (
        <option key={d} value={d}>
          {t(`domains.${d}.name`)}
        </option>
      ))}
    </>
  );
}

/** One checkbox per domain (`name`), ticked for those in `chosen`; `labelClass` is the page's choice style. */
export function DomainCheckboxes({ name, chosen, labelClass }: { name: string; chosen: ReadonlySet<Domain | string>; labelClass: string }) {
  const { t } = useTranslation();
  return (
    <>
      {DOMAINS.map((d) => (
        <label key={d} className={labelClass}>
          <input type="checkbox" name={name} value={d} defaultChecked={chosen.has(d)} /> {t(`domains.${d}.name`)}
        </label>
      ))}
    </>
  );
}
