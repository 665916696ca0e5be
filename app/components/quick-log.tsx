/**
 * "Log a short phone call today" in one tap on a mentee's card (issue 14): the contact form's fields,
 * filled in (today, made, by phone, 10 minutes), posted to the same action, which checks every rule.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export const QUICK_CALL_MINUTES = 10;

export function QuickCallLog({ youngPersonId, name, today, token }: { youngPersonId: string; name: string; today: string; token: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={`/plan/${youngPersonId}/mentoring/contact`} className="quick-log">
      <input type="hidden" name="contactOn" value={today} />
      <input type="hidden" name="made" value="yes" />
      <input type="hidden" name="channel" value="phone" />
      <input type="hidden" name="durationMinutes" value={String(QUICK_CALL_MINUTES)} />
      <input type="hidden" name="clientToken" value={token} />
      <button type="submit" className="button button--small">
        {t("feedback.mentor.quickCall", { count: QUICK_CALL_MINUTES })}
        <span className="visually-hidden"> — {name}</span>
      </button>
    </Form>
  );
}
