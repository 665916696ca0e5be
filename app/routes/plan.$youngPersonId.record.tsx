/**
 * A young person's record (issue 13): its facts and statistics fields, the specialist and carers (the
 * lead assigns), the young person's invitation and a one-time reset link handed over in person.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { HandedLink } from "~/components/handed-link";
import { RecordForm } from "~/components/record-form";
import { fieldErrorsOf } from "~/domain/form-errors";
import type { Locale } from "~/domain/vocabulary";
import { createInvitation, issuePasswordReset } from "~/models/accounts.server";
import { getOrganisation } from "~/models/organisations.server";
import { activeStaff, assignSpecialist, endCarerLink, linkCarer, recordPeople, recordRow, updateRecord } from "~/models/records.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf } from "~/utils/authz.server";
import { formatDateTime } from "~/utils/format";
import { forms, parseForm } from "~/utils/forms.server";
import { handedLinkShownOnce, handOver } from "~/utils/handed-links.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { mailConfigured } from "~/utils/mail.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["org.errors", "org.link", "org.record", "org.values", "pages.print", "plan"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "case.editRecord");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const row = recordRow(access.plan.youngPersonId);
  invariantResponse(row, "Not found");
  const assign = access.allowed("case.assignPeople");
  const people = recordPeople(row.id);
  // An invitation or reset link just made here (the action's redirect), shown once.
  const shown = await handedLinkShownOnce(
    request,
    `/plan/${row.id}/record`,
    access.user.id,
    (owner) =>
      owner.organisationId === access.user.organisationId && (owner.youngPersonId === row.id || (owner.userId !== null && owner.userId === people.account?.id)),
  );
  return json(
    {
      printed: printedFor(access.plan.youngPersonId, access.today),
      title: `${t("org.record.title", { name: row.displayName })} · ${t("app.name")}`,
      id: row.id,
      values: {
        displayName: row.displayName,
        dateOfBirth: row.dateOfBirth,
        careForm: row.careForm,
        municipality: row.municipality,
        plannedCareEndDate: row.plannedCareEndDate,
        educationStatus: row.educationStatus,
        employmentStatus: row.employmentStatus,
        specialNeeds: row.specialNeeds,
      },
      people,
      specialists: assign ? activeStaff(access.user.organisationId, "specialist") : [],
      carers: assign ? activeStaff(access.user.organisationId, "carer") : [],
      may: {
        assign,
        invite: access.allowed("case.inviteYoungPerson"),
        reset: access.allowed("case.issuePasswordReset"),
      },
      mailConfigured: mailConfigured(),
      link: shown.link,
    },
    { headers: shown.headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Cross-site refusal and login first; which policy action applies depends on the form's intent.
  await requireUser(request);
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const needed =
    intent === "save"
      ? "case.editRecord"
      : intent === "invite"
        ? "case.inviteYoungPerson"
        : intent === "reset"
          ? "case.issuePasswordReset"
          : "case.assignPeople";
  const access = await requirePlan(request, params.youngPersonId, needed);
  const actor = actorOf(access.user);
  const id = access.plan.youngPersonId;
  const here = `/plan/${id}/record`;
  const locale = resolveLocale(request, access.user.locale);
  if (intent === "save") {
    const submission = parseForm(formData, forms.record);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const problems = updateRecord(actor.id, id, submission.value, access.today);
    if (problems.length) return json({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf(problems) }) }, { status: 400 });
    return redirect(`${here}?saved=1`);
  }
  if (intent === "invite") {
    const submission = parseForm(formData, forms.inviteYoungPerson);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const row = recordRow(id)!;
    const invited = createInvitation(actor, { email: submission.value.email, displayName: row.displayName, role: "youth", youngPersonId: id });
    if (!invited.ok) return json({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf(invited.problems) }) }, { status: 400 });
    const keep = await handOver(here, request, {
      kind: "invitation",
      token: invited.token,
      forName: row.displayName,
      email: submission.value.email,
      locale,
      organisationName: getOrganisation(actor.organisationId)?.name,
    });
    return redirect(`${here}#handed-link-invitation-heading`, { headers: { "Set-Cookie": keep } });
  }
  if (intent === "reset") {
    const people = recordPeople(id);
    invariantResponse(people.account && !people.account.disabled, "Not found");
    const token = issuePasswordReset(people.account.id, actor.id);
    const row = recordRow(id)!;
    const keep = await handOver(here, request, { kind: "reset", token, forName: row.displayName, email: people.account.email, locale });
    return redirect(`${here}#handed-link-reset-heading`, { headers: { "Set-Cookie": keep } });
  }
  const submission = parseForm(formData, forms.assign);
  if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const problems =
    value.intent === "specialist"
      ? assignSpecialist(actor, id, value.specialistId ?? null)
      : value.intent === "carer"
        ? linkCarer(actor, id, value.carerId, access.today)
        : (endCarerLink(actor, id, value.carerId, access.today), []);
  if (problems.length) return json({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf(problems) }) }, { status: 400 });
  return redirect(`${here}?saved=1#people`);
}

function useReply(intent: string) {
  const data = useActionData<typeof action>();
  const result = data?.intent === intent ? (data.result as FormReplyData | null) : null;
  useFocusFirstInvalid(intent, result);
  return { result, reply: formReply(result) };
}

function AssignPeople() {
  const { t } = useTranslation();
  const { people, specialists, carers } = useLoaderData<typeof loader>();
  const specialist = useReply("specialist").reply;
  const carer = useReply("carer").reply;
  const linked = new Set(people.carers.map((c) => c.id));
  return (
    <>
      <Form method="post" className="form" id="specialist" noValidate>
        <input type="hidden" name="intent" value="specialist" />
        <PlainField formId="specialist" name="specialistId" label={t("org.record.specialist")} errors={specialist.errors("specialistId")}>
          {(control) => (
            <select {...control} defaultValue={people.specialist?.id ?? ""}>
              <option value="">{t("org.record.noSpecialist")}</option>
              {specialists.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
          )}
        </PlainField>
        <button type="submit" className="button">
          {t("org.record.assignSpecialist")}
        </button>
      </Form>
      {carers.some((c) => !linked.has(c.id)) ? (
        <Form method="post" className="form" id="carer" noValidate>
          <input type="hidden" name="intent" value="carer" />
          <PlainField formId="carer" name="carerId" label={t("org.record.addCarer")} errors={carer.errors("carerId")}>
            {(control) => (
              <select {...control}>
                {carers
                  .filter((c) => !linked.has(c.id))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.displayName}
                    </option>
                  ))}
              </select>
            )}
          </PlainField>
          <button type="submit" className="button">
            {t("org.record.linkCarer")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

function InviteYoungPerson() {
  const { t } = useTranslation();
  const { reply } = useReply("invite");
  return (
    <Form method="post" className="form" id="invite" noValidate>
      <input type="hidden" name="intent" value="invite" />
      <PlainField formId="invite" name="email" label={t("org.record.youthEmail")} hint={t("org.record.youthEmailHint")} errors={reply.errors("email")}>
        {(control) => <input {...control} type="email" defaultValue={reply.typed("email")} inputMode="email" spellCheck={false} autoComplete="off" />}
      </PlainField>
      <button type="submit" className="button button--primary">
        {t("org.record.invite")}
      </button>
    </Form>
  );
}

export default function RecordPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { id, values, people, may, mailConfigured: mail, link } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const save = useReply("save");
  const generalErrors = data?.result && data.intent !== "save" ? (data.result as FormReplyData).error?.[""] : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${id}`}>{t("plan.backToPlan")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("org.record.title", { name: values.displayName })}</h1>
      {searchParams.get("created") && !data ? (
        <p className="notice notice--success" role="status">
          {t("org.record.created")}
        </p>
      ) : searchParams.get("saved") && !data ? (
        <p className="notice notice--success" role="status">
          {t("org.record.saved")}
        </p>
      ) : null}
      {link ? <HandedLink link={link} /> : null}
      <FormError id="record-error" errors={generalErrors ?? undefined} />

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t("org.record.accountHeading")}</h2>
        {people.account ? (
          <>
            <p>{t(people.account.disabled ? "org.record.accountDisabled" : "org.record.accountOpen", { email: people.account.email })}</p>
            {may.reset && !people.account.disabled ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reset" />
                <p className="muted">{t("org.record.resetIntro")}</p>
                <button type="submit" className="button">
                  {t("org.record.resetLink")}
                </button>
              </Form>
            ) : null}
          </>
        ) : (
          <>
            <p>
              {people.invitation
                ? t("org.record.invitationOpen", { email: people.invitation.email, date: formatDateTime(people.invitation.expiresAt, locale) })
                : t("org.record.noAccount")}
            </p>
            {!mail ? <p className="muted">{t("org.link.noEmailSetUp")}</p> : null}
            {may.invite ? <InviteYoungPerson /> : null}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="people-heading" id="people">
        <h2 id="people-heading">{t("org.record.peopleHeading")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("org.record.specialist")}</dt>
            <dd>{people.specialist?.displayName ?? t("org.record.noSpecialist")}</dd>
          </div>
          <div>
            <dt>{t("org.record.carers")}</dt>
            <dd>{people.carers.length ? people.carers.map((c) => c.displayName).join(", ") : t("org.record.noCarer")}</dd>
          </div>
        </dl>
        {may.assign ? <AssignPeople /> : null}
        {may.assign
          ? people.carers.map((c) => (
              <Form method="post" key={c.id}>
                <input type="hidden" name="intent" value="endCarer" />
                <input type="hidden" name="carerId" value={c.id} />
                <button type="submit" className="button button--small">
                  {t("org.record.endCarer", { name: c.displayName })}
                </button>
              </Form>
            ))
          : null}
      </section>

      <h2>{t("org.record.factsHeading")}</h2>
      <RecordForm values={values} result={save.result} submitLabel={t("org.record.save")} />
      <p>
        <Link to={`/plan/${id}/history`}>{t("plan.history.title")}</Link>
      </p>
    </>
  );
}
