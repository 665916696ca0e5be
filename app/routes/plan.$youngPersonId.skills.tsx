import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DOMAINS, SKILL_STATES, type Locale } from "~/domain/vocabulary";
import { setSkillState, skillChecklist } from "~/models/skills.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { forms, parseFields } from "~/utils/forms.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved as flashSaved } from "~/utils/flash.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "plan", "skills"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: ["skills"] });
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const items = skillChecklist(access.plan.id, access.user.organisationId).filter((item) => access.sees(item.domain)).map(({ customTitle, ...item }) => ({
    ...item,
    title: customTitle ?? t(`skills.items.${item.key}`),
  }));
  return json({
    title: `${t("skills.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    items,
    canConfirm: access.permissions.confirmSkills,
    canDone: items.filter((i) => i.state === "can_do").length,
    relevant: items.filter((i) => i.state !== "not_relevant").length,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: ["skills"] });
  access.requirePermission("confirmSkills");
  const choice = parseFields(await readFormData(request), forms.skillState);
  invariantResponse(choice, "Bad request", { status: 400 });
  const saved = setSkillState(access.plan.id, access.user.organisationId, access.user.id, choice.skillKey, choice.state);
  invariantResponse(saved, "Not found");
  return redirect(`/plan/${access.plan.youngPersonId}/skills#skill-${encodeURIComponent(choice.skillKey)}`, flashSaved());
}

export default function SkillsPage() {
  const { t, i18n } = useTranslation();
  const { youngPersonId, items, canConfirm, canDone, relevant } = useLoaderData<typeof loader>();
  const locale = i18n.language as Locale;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <h1>{t("skills.title")}</h1>
      <p className="muted">{t("skills.intro")}</p>
      <p>
        <strong>{t("skills.progress", { done: canDone, count: relevant })}</strong>
      </p>
      {DOMAINS.map((domain) => {
        const ofDomain = items.filter((i) => i.domain === domain);
        if (ofDomain.length === 0) return null;
        return (
          <section key={domain} aria-labelledby={`skills-${domain}`}>
            <h2 id={`skills-${domain}`}>{t(`domains.${domain}.name`)}</h2>
            <ul className="skill-list">
              {ofDomain.map((item) => {
                const { title } = item;
                return (
                  <li key={item.key} id={`skill-${item.key}`} className={`card skill skill--${item.state}`}>
                    <p className="skill__title">{title}</p>
                    {canConfirm ? (
                      <Form method="post" className="skill__states" preventScrollReset>
                        <input type="hidden" name="skillKey" value={item.key} />
                        {SKILL_STATES.map((state) => (
                          <button
                            key={state}
                            type="submit"
                            name="state"
                            value={state}
                            className={item.state === state ? "chip chip--on" : "chip"}
                            aria-pressed={item.state === state}
                            aria-label={`${title}: ${t(`skills.state.${state}`)}`}
                          >
                            {t(`skills.state.${state}`)}
                          </button>
                        ))}
                      </Form>
                    ) : (
                      <p className="skill__state">{t(`skills.state.${item.state}`)}</p>
                    )}
                    {item.confirmedBy && item.confirmedAt ? (
                      <p className="skill__confirmed muted">
                        {t("skills.confirmedBy", { name: item.confirmedBy, date: formatDateTime(item.confirmedAt, locale) })}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
