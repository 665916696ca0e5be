/** The mentor's home: the mentees' cards (decision 030: its own chunk, loaded for mentors only). */
import { useTranslation } from "react-i18next";
import type { QuickLog } from "~/models/home.server";
import type { MentorDashboard } from "~/models/mentorships.server";
import { MenteeCards } from "../mentoring";
import { MentorHelpAsked } from "../help-lists";
import { MentorWaiting } from "../mentor-waiting";
import type { RoleHomeData } from "../role-home";

export function MentorHome({
  dashboard,
  help = [],
  quickLog,
}: {
  dashboard: MentorDashboard;
  help?: ReadonlyArray<{ id: string; youngPersonId: string; message: string; status: string; createdAt: number }>;
  quickLog?: QuickLog;
}) {
  const { t } = useTranslation();
  const { mentees, rhythmDays } = dashboard;
  return (
    <section aria-labelledby="mentees-heading">
      <h1 id="mentees-heading">{t("home.mentor.title")}</h1>
      <p className="muted">{t("mentoring.dashboard.intro", { count: rhythmDays })}</p>
      {mentees.length === 0 ? (
        <p className="card empty">{t("home.mentor.none")}</p>
      ) : (
        <MenteeCards
          mentees={mentees}
          quickLog={quickLog}
          helpOf={(m) => (
            <MentorHelpAsked name={m.displayName} youngPersonId={m.youngPersonId} requests={help.filter((h) => h.youngPersonId === m.youngPersonId)} />
          )}
        />
      )}
      {/* Who is coming and when: a first name and the day the window opens (decision 026). */}
      <MentorWaiting upcoming={dashboard.upcoming} />
    </section>
  );
}

export default function MentorHomePage({ home }: { home: RoleHomeData<"mentor"> }) {
  return <MentorHome dashboard={home.dashboard} help={home.help} quickLog={home.quickLog} />;
}
