import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid } from "~/components/form";
import { DomainOptions } from "~/components/domain-options";
import { addOrganisationSkill, organisationSkillItems } from "~/models/skills.server";
import { requireUser } from "~/utils/auth.server";
import { requireOrganisationAccess } from "~/utils/authz.server";
import { forms, parseForm } from "~/utils/forms.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "skills"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageSkills");
  const t = getFixedT(resolveLocale(request, user.locale));
  return json({
    title: `${t("skills.organisation.title")} · ${t("app.name")}`,
    items: organisationSkillItems(user.organisationId),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageSkills");
  const submission = parseForm(await readFormData(request), forms.organisationSkill);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  addOrganisationSkill(user.organisationId, submission.value.domain, submission.value.title);
  return redirect("/organisation/skills", saved());
}

export default function OrganisationSkillsPage() {
  const { t } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // The server's reply read without conform's client code (decision 005): the page's JS stays in budget.
  const reply = formReply(lastResult);
  useFocusFirstInvalid("organisation-skill", lastResult);
  return (
    <>
      <h1>{t("skills.organisation.title")}</h1>
      <p className="muted">{t("skills.organisation.intro")}</p>
      {items.length === 0 ? (
        <p className="card empty">{t("skills.organisation.none")}</p>
      ) : (
        <ul className="card skill-admin-list">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong> <span className="muted">· {t(`domains.${item.domain}.name`)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("skills.organisation.add")}</h2>
      <Form method="post" className="card form" id="organisation-skill" noValidate key={items.length}>
        <FormError id="organisation-skill-error" errors={reply.errors("") ?? undefined} />
        <PlainField
          formId="organisation-skill"
          name="title"
          label={t("skills.organisation.itemTitle")}
          hint={t("skills.organisation.itemHint")}
          errors={reply.errors("title")}
        >
          {(control) => <input {...control} type="text" maxLength={200} defaultValue={reply.typed("title")} />}
        </PlainField>
        <PlainField formId="organisation-skill" name="domain" label={t("skills.organisation.domain")} errors={reply.errors("domain")}>
          {(control) => (
            <select {...control} defaultValue={reply.typed("domain", "housing")}>
              <DomainOptions />
            </select>
          )}
        </PlainField>
        <button type="submit" className="button button--primary">
          {t("skills.organisation.submit")}
        </button>
      </Form>
    </>
  );
}
