/** "I need help" (issue 11 item 7): the button on every screen of a young person, the form, the lists. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HELP_MESSAGE_MAX, HELP_NOTE_MAX } from "~/domain/help";
import type { Locale } from "~/domain/vocabulary";
import type { HelpRequestView } from "~/models/help.server";
import { formatDateTime } from "~/utils/format";
import { formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "./form";
export { MentorHelpAsked, LeadHelpList } from "./help-lists";

export function HelpRequestForm({
  kind,
  recipientName,
  mentorName,
  formToken,
  result,
}: {
  kind: "first" | "again";
  recipientName: string | null;
  mentorName: string | null;
  formToken: string;
  result: FormReplyData | null;
}) {
  const { t } = useTranslation();
  const reply = formReply(result);
  useFocusFirstInvalid("help", result);
  return (
    <Form method="post" className="form card" id="help" noValidate>
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="clientToken" value={reply.typed("clientToken", formToken)} />
      <p>{recipientName ? t(kind === "again" ? "help.reachesAgain" : "help.reaches", { name: recipientName }) : t("help.reachesTeam")}</p>
      <PlainField formId="help" name="message" label={t("help.message")} hint={t("help.messageHint")} errors={reply.errors("message")}>
        {(control) => <textarea {...control} rows={4} maxLength={HELP_MESSAGE_MAX} defaultValue={reply.typed("message")} />}
      </PlainField>
      {mentorName ? (
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="toMentor" defaultChecked={reply.typed("toMentor") === "on"} /> {t("help.toMentor", { name: mentorName })}
          </label>
        </div>
      ) : null}
      <p className="muted">{t("help.emergency")}</p>
      <button type="submit" className="button button--primary">
        {t("help.send")}
      </button>
    </Form>
  );
}

function StatusLine({ request }: { request: HelpRequestView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (request.status === "resolved") {
    return (
      <p className="status status--done">
        {t("help.state.resolved", { name: request.resolvedByName ?? "", when: formatDateTime(request.resolvedAt!, locale) })}
      </p>
    );
  }
  if (request.status === "acknowledged") {
    return (
      <p className="status">
        {t("help.state.acknowledged", { name: request.acknowledgedByName ?? "", when: formatDateTime(request.acknowledgedAt!, locale) })}
      </p>
    );
  }
  return <p className="status status--urgent">{t("help.state.open")}</p>;
}

/** The requests of one record, newest unresolved first; the specialist's forms to answer them. */
export function HelpRequestList({
  requests,
  own,
  mayAnswer,
  result,
}: {
  requests: readonly HelpRequestView[];
  own: boolean;
  mayAnswer: boolean;
  result: FormReplyData | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const reply = formReply(result);
  const failedId = reply.typed("requestId");
  return (
    <section aria-labelledby="help-requests-heading">
      <h2 id="help-requests-heading">{t(own ? "help.listOwn" : "help.list")}</h2>
      {requests.length === 0 ? <p className="muted">{t("help.none")}</p> : null}
      <ul className="plain-list help-requests">
        {requests.map((r) => {
          const formId = `resolve-${r.id}`;
          const errors = failedId === r.id ? reply.errors("note") : undefined;
          return (
            <li key={r.id} id={`request-${r.id}`} className={`card help-request help-request--${r.status}`}>
              <p className="muted">
                {formatDateTime(r.createdAt, locale)}
                {r.recipientName ? ` · ${t("help.to", { name: r.recipientName })}` : ""}
                {r.toMentor ? ` · ${t("help.alsoMentor")}` : ""}
                {r.afterClose ? ` · ${t("help.afterClose")}` : ""}
              </p>
              <p className="quote help-request__message">{r.message}</p>
              <StatusLine request={r} />
              {r.resolutionNote ? (
                <p>
                  <strong>{t("help.note")}:</strong> {r.resolutionNote}
                </p>
              ) : null}
              {mayAnswer && r.status === "open" ? (
                <Form method="post" className="button-row">
                  <input type="hidden" name="intent" value="acknowledge" />
                  <input type="hidden" name="requestId" value={r.id} />
                  <button type="submit" className="button">
                    {t("help.acknowledge")}
                  </button>
                </Form>
              ) : null}
              {mayAnswer && r.status !== "resolved" ? (
                <Form method="post" className="form" id={formId} noValidate>
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="requestId" value={r.id} />
                  <PlainField formId={formId} name="note" label={t("help.resolveNote")} errors={errors}>
                    {(control) => <textarea {...control} rows={3} maxLength={HELP_NOTE_MAX} defaultValue={failedId === r.id ? reply.typed("note") : ""} />}
                  </PlainField>
                  <button type="submit" className="button button--primary">
                    {t("help.resolve")}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
