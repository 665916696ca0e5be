import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationList } from "~/components/notifications";
import { LeadHelpList } from "~/components/help-lists";
import { ReviewRequestsWaiting } from "~/components/review-requests";
import { helpWaiting } from "~/models/help.server";
import { reviewRequestsWaiting } from "~/models/reviews.server";
import { markRead, userNotifications } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf } from "~/utils/authz.server";
import { now, today } from "~/utils/clock.server";
import { forms } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["reviews.calendar", "reviews.waiting", "budget", "calendar", "documents", "help", "notifications", "plan"] };

/** How many notifications the page lists; the rest are counted ("and 205 more"). */
const NOTIFICATIONS_SHOWN = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getFixedT(resolveLocale(request, user.locale));
  const all = userNotifications(actorOf(user), today());
  return json({
    title: `${t("notifications.title")} · ${t("app.name")}`,
    // The most urgent first; a page never grows with the size of someone's plans.
    notifications: all.slice(0, NOTIFICATIONS_SHOWN),
    more: Math.max(0, all.length - NOTIFICATIONS_SHOWN),
    // Open "I need help" requests (issue 11): counted in the badge, listed first.
    help: user.role === "specialist" || user.role === "mentor" ? helpWaiting(user.id) : [],
    // "Ask for a review" from the specialist's young people, until a review is scheduled.
    reviewRequests: user.role === "specialist" ? reviewRequestsWaiting(user.id) : [],
  });
}

/** "Mark all as read": the keys the page showed, of the user's notifications today (nothing else is stored). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const parsed = forms.markRead.safeParse({ key: formData.getAll("key") });
  invariantResponse(parsed.success, "Bad request", { status: 400 });
  const current = new Set(userNotifications(actorOf(user), today()).map((n) => n.key));
  markRead(
    user.id,
    parsed.data.key.filter((key) => current.has(key)),
    now().getTime(),
  );
  return redirect("/notifications");
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { notifications, more, help, reviewRequests } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.read);
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p className="lead-text">{t("notifications.intro")}</p>
      <LeadHelpList requests={help} heading="help.waitingHeading" />
      <ReviewRequestsWaiting requests={reviewRequests} />
      {notifications.length === 0 && reviewRequests.length === 0 ? <p className="empty">{t("notifications.none")}</p> : null}
      {unread.length > 0 ? (
        <Form method="post" className="button-row">
          {unread.map((n) => (
            <input key={n.key} type="hidden" name="key" value={n.key} />
          ))}
          <button type="submit" className="button">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      <NotificationList notifications={notifications} />
      {more > 0 ? <p className="muted">{t("notifications.more", { count: more })}</p> : null}
    </>
  );
}
