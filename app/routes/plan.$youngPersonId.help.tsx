/**
 * "I need help" (issue 11 item 7): the young person writes a short message to their specialist (and
 * their mentor if ticked) and sees what became of it; the specialist (or the lead) acknowledges and
 * resolves it with a note; a mentor sees the ones sent to them. Plain forms: works without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HelpRequestForm, HelpRequestList } from "~/components/help";
import { activeMentorOf, advanceHelpRequest, createHelpRequest, helpButtonFor, helpRequestsOf, recipientOf } from "~/models/help.server";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { now } from "~/utils/clock.server";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["help", "pages.print"] };

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

/** Which policy action each of the page's forms needs. */
const INTENTS = {
  create: { action: "help.create" },
  acknowledge: { action: "help.acknowledge" },
  resolve: { action: "help.resolve" },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "help.view");
  const id = access.plan.youngPersonId;
  const card = getCaseCard(actorOf(access.user), id, access.today);
  invariantResponse(card);
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const isMentor = access.viewer.relation === "mentorInWindow";
  const mayCreate = access.allowed("help.create");
  const kind = helpButtonFor(id, access.today);
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t(mayCreate ? (kind === "again" ? "nav.needHelpAgain" : "nav.needHelp") : "help.titleAdult")} · ${t("app.name")}`,
    youngPerson: { id, displayName: card.displayName },
    kind,
    mayCreate,
    mayAnswer: access.allowed("help.acknowledge") && access.allowed("help.resolve"),
    recipient: mayCreate ? recipientOf(id) : null,
    mentor: mayCreate ? activeMentorOf(id) : null,
    requests: helpRequestsOf(id, { mentorId: isMentor ? access.user.id : null }),
    formToken: newFormToken(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "help.view");
  const id = access.plan.youngPersonId;
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);
  if (intent === "create") {
    const submission = parseForm(formData, forms.help.request);
    if (submission.status !== "success") return json({ ...submission.reply(), form: intent }, { status: 400 });
    const { id: requestId } = createHelpRequest({
      youngPersonId: id,
      fromUserId: access.user.id,
      message: submission.value.message,
      toMentor: submission.value.toMentor === "on",
      clientToken: submission.value.clientToken,
      today: access.today,
    });
    return redirect(`/plan/${id}/help?sent=1#request-${requestId}`);
  }
  if (intent === "acknowledge") {
    const fields = parseFields(formData, forms.help.acknowledge);
    invariantResponse(fields, "Bad request", { status: 400 });
    const done = advanceHelpRequest(id, fields.requestId, access.user.id, "acknowledged", now().getTime());
    invariantResponse(done);
    return redirect(`/plan/${id}/help#request-${fields.requestId}`, saved());
  }
  const submission = parseForm(formData, forms.help.resolve);
  if (submission.status !== "success") return json({ ...submission.reply(), form: intent }, { status: 400 });
  const done = advanceHelpRequest(id, submission.value.requestId, access.user.id, "resolved", now().getTime(), submission.value.note);
  invariantResponse(done);
  return redirect(`/plan/${id}/help#request-${submission.value.requestId}`, saved());
}

export default function HelpPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <>
      <LoaderPrintHeader />
      <h1>{data.mayCreate ? t(data.kind === "again" ? "nav.needHelpAgain" : "nav.needHelp") : t("help.titleFor", { name: data.youngPerson.displayName })}</h1>
      {search.get("sent") === "1" ? (
        <p className="card notice" role="status">
          {t("help.sent")}
        </p>
      ) : null}
      {data.mayCreate ? (
        <HelpRequestForm
          kind={data.kind}
          recipientName={data.recipient?.displayName ?? null}
          mentorName={data.mentor?.displayName ?? null}
          formToken={data.formToken}
          result={result?.form === "create" ? result : null}
        />
      ) : null}
      <HelpRequestList requests={data.requests} own={data.mayCreate} mayAnswer={data.mayAnswer} result={result?.form === "resolve" ? result : null} />
    </>
  );
}
