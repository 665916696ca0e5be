/** The notifications list: what is due, for which item (and whose plan, for adults), where to open it. */
import { useTranslation } from "react-i18next";
import { itemDownloadPath, itemPath, type CalendarItem } from "~/domain/calendar";
import type { NotificationKind } from "~/domain/notifications";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

export interface NotificationView {
  key: string;
  kind: NotificationKind;
  on: string;
  days: number;
  read: boolean;
  youngPersonName: string | null;
  item: CalendarItem;
}

function useNotificationText() {
  const { t } = useTranslation();
  return {
    headline(n: NotificationView): string {
      if (n.item.type === "meeting" && n.item.time) return t("notifications.meetingAt", { time: n.item.time });
      if (n.kind === "documentExpiring" && n.days === 0) return t("notifications.documentExpiresToday");
      return t(`notifications.kind.${n.kind}`, { count: Math.abs(n.days) });
    },
    subject(n: NotificationView): string {
      const item = n.item;
      switch (item.type) {
        case "goal":
          return t("notifications.item.goal", { title: item.title });
        case "step":
          return t("notifications.item.step", { title: item.title });
        case "document":
          return item.label ?? t(`documents.kinds.${item.kind}`);
        case "meeting":
          return n.youngPersonName ? t("notifications.item.mentoringMeeting") : t("notifications.item.meeting", { mentor: item.mentorName });
        case "payDay":
          return t("budget.notifications.payDay");
        case "savingsGoal":
          return t("budget.notifications.savingsGoal", { title: item.title });
        case "review":
          return t("reviews.calendar.notification", { time: item.time });
        default:
          return "";
      }
    },
  };
}

export function NotificationList({ notifications }: { notifications: readonly NotificationView[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const text = useNotificationText();
  return (
    <ul className="notification-list">
      {notifications.map((n) => {
        const download = itemDownloadPath(n.item);
        return (
          <li key={n.key} className={`card notification notification--${n.kind}${n.read ? "" : " notification--unread"}`}>
            <p className="notification__headline">
              {n.read ? null : <span className="status notification__new">{t("notifications.unreadLabel")}</span>}{" "}
              <strong className={n.kind === "overdue" ? "overdue" : undefined}>{text.headline(n)}</strong>{" "}
              <span className="muted">· {formatDate(n.on, locale)}</span>
            </p>
            <p className="notification__subject">
              {n.youngPersonName ? <span className="notification__person">{n.youngPersonName}: </span> : null}
              {text.subject(n)}
            </p>
            <p className="notification__links">
              <a href={itemPath(n.item)}>{t("notifications.open")}</a>
              {download ? (
                <a href={download} download>
                  {t("calendar.addToCalendar")}
                </a>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
