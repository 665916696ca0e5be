import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { phaseAt } from "~/domain/phase";
import { skillSections, suggestedSkills } from "~/domain/skill-sections";
import { DOMAINS, SKILL_STATES, type Domain, type Locale } from "~/domain/vocabulary";
import { setSkillState, skillChecklist } from "~/models/skills.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { forms, parseFields } from "~/utils/forms.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved as flashSaved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "pages.print", "plan", "skills"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

const isDomain = (value: string | null): value is Domain => DOMAINS.includes(value as Domain);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: ["skills"] });
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const items = skillChecklist(access.plan.id, access.user.organisationId)
    .filter((item) => access.sees(item.domain))
    .map(({ customTitle, ...item }) => ({
      ...item,
      title: customTitle ?? t(`skills.items.${item.key}`),
    }));
  // The section the last tick came from stays open (so a page without JavaScript lands on it).
  const open = new URL(request.url).searchParams.get("open");
  const phase = phaseAt(access.subject.careEndDate, access.subject.dateOfBirth, access.today);
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("skills.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    sections: skillSections(items),
    suggested: suggestedSkills(items, phase),
    open: isDomain(open) ? open : null,
    canConfirm: access.permissions.confirmSkills,
    canDone: items.filter((i) => i.state === "can_do").length,
    relevant: items.filter((i) => i.state !== "not_relevant").length,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: ["skills"] });
  access.requirePermission("confirmSkills");
  const formData = await readFormData(request);
  const choice = parseFields(formData, forms.skillState);
  invariantResponse(choice, "Bad request", { status: 400 });
  const saved = setSkillState(access.plan.id, access.user.organisationId, access.user.id, choice.skillKey, choice.state);
  invariantResponse(saved, "Not found");
  const from = String(formData.get("from") ?? "");
  const anchor = `${from === "suggested" ? "suggested" : "skill"}-${encodeURIComponent(choice.skillKey)}`;
  const open = isDomain(from) ? `?open=${from}` : "";
  return redirect(`/plan/${access.plan.youngPersonId}/skills${open}#${anchor}`, flashSaved());
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["suggested"][number];

function SkillCard({ item, from, canConfirm }: { item: Item; from: string; canConfirm: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { title } = item;
  const shown = item.answered ? item.state : "unanswered";
  return (
    <li id={`${from === "suggested" ? "suggested" : "skill"}-${item.key}`} className={`card skill skill--${shown}`}>
      <p className="skill__title">{title}</p>
      {!item.answered ? <p className="skill__unanswered">{t("skills.unanswered")}</p> : null}
      {canConfirm ? (
        <Form method="post" className="skill__states" preventScrollReset>
          <input type="hidden" name="skillKey" value={item.key} />
          <input type="hidden" name="from" value={from} />
          {SKILL_STATES.map((state) => {
            const on = item.answered && item.state === state;
            return (
              <button
                key={state}
                type="submit"
                name="state"
                value={state}
                className={on ? "chip chip--on" : "chip"}
                aria-pressed={on}
                aria-label={`${title}: ${t(`skills.state.${state}`)}`}
              >
                {t(`skills.state.${state}`)}
              </button>
            );
          })}
        </Form>
      ) : item.answered ? (
        <p className="skill__state">{t(`skills.state.${item.state}`)}</p>
      ) : null}
      {item.confirmedBy && item.confirmedAt ? (
        <p className="skill__confirmed muted">{t("skills.confirmedBy", { name: item.confirmedBy, date: formatDateTime(item.confirmedAt, locale) })}</p>
      ) : null}
    </li>
  );
}

export default function SkillsPage() {
  const { t } = useTranslation();
  const { youngPersonId, sections, suggested, open, canConfirm, canDone, relevant } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("skills.title")}</h1>
      <p className="muted">{t("skills.intro")}</p>
      <p>
        <strong>{t("skills.progress", { done: canDone, count: relevant })}</strong>
      </p>
      {suggested.length > 0 ? (
        <section aria-labelledby="skills-suggested" className="skill-suggested">
          <h2 id="skills-suggested">{t("skills.suggested")}</h2>
          <p className="muted">{t("skills.suggestedIntro")}</p>
          <ul className="skill-list">
            {suggested.map((item) => (
              <SkillCard key={item.key} item={item} from="suggested" canConfirm={canConfirm} />
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("skills.allSkills")}</h2>
      {sections.map((section) => (
        <details key={section.domain} className="skill-section" id={`skills-${section.domain}`} open={open === section.domain ? true : undefined}>
          <summary>
            <span className="skill-section__name">{t(`domains.${section.domain}.name`)}</span>{" "}
            <span className="skill-section__progress">
              {t("skills.sectionProgress", { done: section.canDo, total: section.relevant })}
              {section.unanswered > 0 ? ` · ${t("skills.sectionUnanswered", { count: section.unanswered })}` : ""}
            </span>
          </summary>
          <ul className="skill-list">
            {section.items.map((item) => (
              <SkillCard key={item.key} item={item} from={section.domain} canConfirm={canConfirm} />
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
