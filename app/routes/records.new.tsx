import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormReplyData } from "~/components/form";
import { RecordForm } from "~/components/record-form";
import { fieldErrorsOf } from "~/domain/form-errors";
import { createRecord } from "~/models/records.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf, requireOrganisationAccess } from "~/utils/authz.server";
import { today } from "~/utils/clock.server";
import { forms, parseForm } from "~/utils/forms.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["org.errors", "org.record", "org.values"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.createRecord");
  const t = getFixedT(resolveLocale(request, user.locale));
  return json({ title: `${t("org.record.newTitle")} · ${t("app.name")}` });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.createRecord");
  const submission = parseForm(await readFormData(request), forms.record);
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const created = createRecord(actorOf(user), submission.value, today());
  if (!created.ok) return json({ result: submission.reply({ fieldErrors: fieldErrorsOf(created.problems) }) }, { status: 400 });
  return redirect(`/plan/${created.id}/record?created=1`);
}

export default function NewRecordPage() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/">{t("nav.home")}</Link>
      </p>
      <h1>{t("org.record.newTitle")}</h1>
      <p className="muted">{t("org.record.newIntro")}</p>
      <RecordForm values={null} result={(data?.result ?? null) as FormReplyData | null} submitLabel={t("org.record.create")} />
    </div>
  );
}
