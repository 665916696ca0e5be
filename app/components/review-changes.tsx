/**
 * Changing a review after it is planned (docs/decisions/025-review-changes.md): moving or cancelling it,
 * changing existing goals while recording it, and the young person's "who I don't want there" choice.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CHANGE_GOAL_ROWS } from "~/domain/reviews";
import { GOAL_STATUSES, OWNERS } from "~/domain/vocabulary";
import { useOwnerLabel } from "./plan/owner-label";
import { FieldError, FormError, PlainField, type formReply } from "./form";

type Reply = ReturnType<typeof formReply>;

/** The recording's rows for existing goals: pick a goal, then only what changes (empty fields stay as they are). */
export function ChangeGoalRows({
  reply,
  goals,
}: {
  reply: Reply;
  goals: ReadonlyArray<{ id: string; domain: string; title: string; status: string; dueDate: string | null }>;
}) {
  const { t } = useTranslation();
  if (goals.length === 0) return null;
  return (
    <>
      <p className="field__hint">{t("reviews.change.hint")}</p>
      {CHANGE_GOAL_ROWS.map((i) => (
        <fieldset key={i} className="review-goal-row">
          <legend>{t("reviews.change.row", { number: i + 1 })}</legend>
          <PlainField formId="record" name={`change${i}_goal`} label={t("reviews.change.goal")} errors={reply.errors(`change${i}_goal`)}>
            {(control) => (
              <select {...control} defaultValue={reply.typed(`change${i}_goal`)}>
                <option value="">–</option>
                {goals.map((g) => (
                  <option key={g.id} value={g.id}>
                    {t(`domains.${g.domain}.name`)}: {g.title}
                  </option>
                ))}
              </select>
            )}
          </PlainField>
          <PlainField formId="record" name={`change${i}_status`} label={t("reviews.change.status")} errors={reply.errors(`change${i}_status`)}>
            {(control) => (
              <select {...control} defaultValue={reply.typed(`change${i}_status`)}>
                <option value="">{t("reviews.change.keep")}</option>
                {GOAL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`plan.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </PlainField>
          <PlainField formId="record" name={`change${i}_title`} label={t("reviews.change.title")} errors={reply.errors(`change${i}_title`)}>
            {(control) => <input {...control} type="text" maxLength={200} defaultValue={reply.typed(`change${i}_title`)} />}
          </PlainField>
          <OwnerAndDueFields reply={reply} prefix={`change${i}`} dueLabel={t("reviews.change.dueDate")} keep />
        </fieldset>
      ))}
    </>
  );
}

/** Who does a goal and by when, in a recording row; `keep` offers "keep as it is" (a changed goal's row). */
export function OwnerAndDueFields({ reply, prefix, dueLabel, keep = false }: { reply: Reply; prefix: string; dueLabel: string; keep?: boolean }) {
  const { t } = useTranslation();
  const ownerLabel = useOwnerLabel();
  return (
    <>
      <PlainField formId="record" name={`${prefix}_owner`} label={t("reviews.record.goalOwner")} errors={reply.errors(`${prefix}_owner`)}>
        {(control) => (
          <select {...control} defaultValue={reply.typed(`${prefix}_owner`, keep ? "" : "youth")}>
            {keep ? <option value="">{t("reviews.change.keep")}</option> : null}
            {OWNERS.map((o) => (
              <option key={o} value={o}>
                {ownerLabel(o)}
              </option>
            ))}
          </select>
        )}
      </PlainField>
      <PlainField formId="record" name={`${prefix}_dueDate`} label={dueLabel} errors={reply.errors(`${prefix}_dueDate`)}>
        {(control) => <input {...control} type="date" min="2000-01-01" max="2099-12-31" defaultValue={reply.typed(`${prefix}_dueDate`)} />}
      </PlainField>
    </>
  );
}

/** Move (new date, time, place or link) or cancel a planned review; works without JavaScript. */
export function MoveReviewForms({
  review,
  today,
  moveReply,
  cancelReply,
}: {
  review: { heldOn: string; time: string; place: string | null; videoLink: string | null };
  today: string;
  moveReply: Reply;
  cancelReply: Reply;
}) {
  const { t } = useTranslation();
  const confirmErrors = cancelReply.errors("confirm");
  return (
    <section id="move" aria-labelledby="move-heading">
      <h2 id="move-heading">{t("reviews.move.heading")}</h2>
      <Form method="post" id="reschedule" className="form card" noValidate>
        <input type="hidden" name="intent" value="reschedule" />
        <p className="muted">{t("reviews.move.hint")}</p>
        <FormError id="reschedule-error" errors={moveReply.errors("") ?? undefined} />
        <div className="field-row">
          <PlainField formId="reschedule" name="date" label={t("reviews.schedule.date")} errors={moveReply.errors("date")}>
            {(control) => <input {...control} type="date" min={today} max="2099-12-31" defaultValue={moveReply.typed("date", review.heldOn)} />}
          </PlainField>
          <PlainField
            formId="reschedule"
            name="time"
            label={t("reviews.schedule.time")}
            hint={t("reviews.schedule.timeHint")}
            errors={moveReply.errors("time")}
          >
            {(control) => <input {...control} type="time" defaultValue={moveReply.typed("time", review.time)} />}
          </PlainField>
        </div>
        <PlainField formId="reschedule" name="place" label={t("reviews.schedule.place")} errors={moveReply.errors("place")}>
          {(control) => <input {...control} type="text" maxLength={200} defaultValue={moveReply.typed("place", review.place ?? "")} />}
        </PlainField>
        <PlainField
          formId="reschedule"
          name="videoLink"
          label={t("reviews.schedule.videoLink")}
          hint={t("reviews.schedule.videoHint")}
          errors={moveReply.errors("videoLink")}
        >
          {(control) => <input {...control} type="url" inputMode="url" maxLength={500} defaultValue={moveReply.typed("videoLink", review.videoLink ?? "")} />}
        </PlainField>
        <button type="submit" className="button button--primary">
          {t("reviews.move.save")}
        </button>
      </Form>
      <Form method="post" id="cancel" className="form card" noValidate>
        <input type="hidden" name="intent" value="cancel" />
        <FormError id="cancel-error" errors={cancelReply.errors("") ?? undefined} />
        <div className={confirmErrors?.length ? "field field--invalid" : "field"}>
          <label className="choice">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              id="cancel-confirm"
              aria-invalid={confirmErrors?.length ? true : undefined}
              aria-describedby={confirmErrors?.length ? "cancel-confirm-error" : undefined}
            />{" "}
            {t("reviews.move.confirm")}
          </label>
          <FieldError id="cancel-confirm-error" errors={confirmErrors ?? undefined} />
        </div>
        <button type="submit" className="button button--danger">
          {t("reviews.move.cancel")}
        </button>
      </Form>
    </section>
  );
}

/** The young person's choice: the people on the plan they do not want at the meeting (checkboxes). */
export function NotWantedChoice({
  people,
  chosen,
  errors,
}: {
  people: ReadonlyArray<{ userId: string; kind: string; displayName: string }>;
  chosen: ReadonlySet<string>;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <fieldset
      className={errors?.length ? "field field--invalid" : "field"}
      aria-describedby={errors?.length ? "statement-form-notWantedIds-error" : "statement-form-notWantedIds-hint"}
    >
      <legend>{t("reviews.statement.notWantedOwn")}</legend>
      <p id="statement-form-notWantedIds-hint" className="field__hint">
        {t("reviews.statement.notWantedHint")}
      </p>
      {people.map((p) => (
        <label key={p.userId} className="choice__option">
          <input type="checkbox" name="notWantedIds" value={p.userId} defaultChecked={chosen.has(p.userId)} /> {p.displayName}{" "}
          <span className="muted">({t(`reviews.kinds.${p.kind}`)})</span>
        </label>
      ))}
      <FieldError id="statement-form-notWantedIds-error" errors={errors} />
    </fieldset>
  );
}
