/**
 * The young person's home (issue 14): one next step with a big tick, what the last tick moved, the
 * week at a glance and the month's count; the plan itself is one tap away (the plan page has the parts).
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TickReward, WeekSummary } from "~/domain/progress";
import type { Locale } from "~/domain/vocabulary";
import { formatDayWithWeekday } from "~/utils/weekday";
import type { NextStepView } from "./plan/overview";

type Translate = ReturnType<typeof useTranslation>["t"];

function whenText(t: Translate, locale: Locale, on: string, time?: string | null): string {
  const date = formatDayWithWeekday(on, locale);
  return time ? t("mentoring.meetingAt", { date, time }) : date;
}

function When({ on, time }: { on: string; time?: string | null }) {
  const { t, i18n } = useTranslation();
  return <>{whenText(t, i18n.language as Locale, on, time)}</>;
}

/** "Done!": the step just ticked, how far its part of the plan is now. */
function Reward({ reward }: { reward: TickReward }) {
  const { t } = useTranslation();
  const domain = t(`domains.${reward.domain}.name`);
  return (
    <div className="reward">
      <p className="reward__title">
        <span aria-hidden="true">✓ </span>
        {t("feedback.home.rewardDone", { title: reward.stepTitle })}
      </p>
      <p className="reward__moved">
        {reward.complete ? t("feedback.home.rewardComplete", { domain }) : t("feedback.home.rewardMoved", { domain, done: reward.done, total: reward.total })}
      </p>
      <progress className="reward__bar" max={reward.total} value={reward.done} aria-label={domain} />
    </div>
  );
}

/** The one next step, with a tick big enough for a thumb; works as a plain form post without JavaScript. */
export function NextStepCard({ youngPersonId, step, reward }: { youngPersonId: string; step: NextStepView | null; reward: TickReward | null }) {
  const { t } = useTranslation();
  return (
    <section className="card next-step" id="next-step" aria-labelledby="next-step-heading">
      {reward ? <Reward reward={reward} /> : null}
      <h2 id="next-step-heading">{reward && step ? t("feedback.home.rewardNext") : t("feedback.home.nextStep")}</h2>
      {step ? (
        <>
          <p className="next-step__title" id="next-step-title">
            {step.title}
          </p>
          <p className="next-step__meta">
            <Link to={`/plan/${youngPersonId}/goals/${step.goalId}`}>{t("feedback.home.inGoal", { goal: step.goalTitle })}</Link>
            {step.dueDate ? (
              <>
                <br />
                <span className={step.overdue ? "overdue" : undefined}>
                  {t("feedback.home.due")}: <When on={step.dueDate} />
                </span>
              </>
            ) : null}
          </p>
          {step.canTick ? (
            <Form method="post" action={`/plan/${youngPersonId}/step`} className="next-step__form">
              <input type="hidden" name="stepId" value={step.stepId} />
              <input type="hidden" name="done" value="1" />
              <input type="hidden" name="returnTo" value="/#next-step" />
              <button type="submit" className="button button--primary big-tick" aria-describedby="next-step-title">
                <span aria-hidden="true" className="big-tick__mark">
                  ✓
                </span>
                {t("feedback.home.tick")}
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p>{t("feedback.home.noNext")}</p>
      )}
    </section>
  );
}

/** "This week: 2 steps done, meeting with your mentor on Thursday"; never a row of zeros. */
export function WeekCard({ week }: { week: WeekSummary }) {
  const { t, i18n } = useTranslation();
  const when = week.meeting ? whenText(t, i18n.language as Locale, week.meeting.on, week.meeting.time) : "";
  return (
    <section className="card week" aria-labelledby="week-heading">
      <h2 id="week-heading">{t("feedback.home.week.title")}</h2>
      <ul className="week__list">
        <li>{week.doneThisWeek > 0 ? t("feedback.home.week.done", { count: week.doneThisWeek }) : t("feedback.home.week.none")}</li>
        {week.meeting ? (
          <li>
            {week.meeting.withName ? t("feedback.home.week.meeting", { name: week.meeting.withName, when }) : t("feedback.home.week.meetingNoName", { when })}
          </li>
        ) : null}
        {week.dueThisWeek > 0 ? <li>{t("feedback.home.week.due", { count: week.dueThisWeek })}</li> : null}
      </ul>
      {week.doneThisMonth > 0 ? <p className="week__month">{t("feedback.home.week.month", { count: week.doneThisMonth })}</p> : null}
    </section>
  );
}

/** The whole plan, one tap away, with how far it has come. */
export function PlanCard({ youngPersonId, done, total }: { youngPersonId: string; done: number; total: number }) {
  const { t } = useTranslation();
  return (
    <Link to={`/plan/${youngPersonId}`} className="card card-link plan-card">
      <span className="plan-card__title">{t("plan.openMyPlan")}</span>
      <span className="plan-card__progress">{total > 0 ? t("feedback.home.plan.progress", { done, total }) : t("feedback.home.plan.start")}</span>
      {total > 0 ? <progress max={total} value={done} aria-hidden="true" /> : null}
    </Link>
  );
}
