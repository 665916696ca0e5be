import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError, formReply, useFocusFirstInvalid } from "~/components/form";
import { HowToSubscribe, MeetingList, SubscriptionLinks } from "~/components/calendar";
import { feedKindFor, TITLE_CHOICES } from "~/domain/calendar";
import { platformOf } from "~/domain/platform";
import type { Locale } from "~/domain/vocabulary";
import { feedByToken, liveFeed, newFeedToken, setFullTitles, subscriptionLinks, upcomingMeetings } from "~/models/calendar-feeds.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf } from "~/utils/authz.server";
import { now, today } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { forms, parseForm } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { linkOrigin } from "~/utils/security.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { newFeedLink } from "~/utils/shown-once.server";
import { TOKEN_PATTERN } from "~/utils/tokens.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["calendar", "documents", "feedback.calendar", "plan"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

/** Every logged-in user may open the page; roles without a feed (carer, lead, admin) are told so. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getFixedT(resolveLocale(request, user.locale));
  const kind = feedKindFor(user.role);
  // A link just made (the action's redirect): shown in this answer only, and only while it is still
  // this user's live feed; the cookie that carried it is cleared here.
  const [token, replaced] = newFeedLink.read(request) ?? [];
  const made = token && TOKEN_PATTERN.test(token) ? { token, replaced: replaced === "1" } : null;
  const madeFeed = made ? feedByToken(made.token) : null;
  const fresh = made && madeFeed && kind && madeFeed.owner.id === user.id && madeFeed.kind === kind ? made : null;
  const headers = new Headers();
  if (token !== undefined) {
    headers.append("Set-Cookie", newFeedLink.clear());
    headers.set("Cache-Control", "no-store");
  }
  return json(
    {
      title: `${t("calendar.title")} · ${t("app.name")}`,
      kind,
      feed: kind ? liveFeed(user.id, kind) : null,
      links: fresh ? subscriptionLinks(linkOrigin(request), fresh.token) : null,
      replaced: Boolean(fresh?.replaced),
      meetings: kind ? upcomingMeetings(actorOf(user), kind, today()) : [],
      // Android, iPhone or other: which way to add the calendar comes first (issue 14).
      platform: platformOf(request.headers.get("User-Agent")),
    },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const kind = feedKindFor(user.role);
  invariantResponse(kind, "Forbidden", { status: 403 });
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "newLink") {
    const { token, replaced } = newFeedToken(user.id, kind, now().getTime());
    // Shown once, by the page this redirects to (app/utils/shown-once.server.ts): a refresh does
    // not post again, which would revoke the link just made. The database keeps the token's hash.
    return redirect("/calendar#links", { headers: { "Set-Cookie": newFeedLink.keep([token, replaced ? "1" : "0"]) } });
  }
  if (intent === "titles") {
    const submission = parseForm(formData, forms.calendarTitles);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    invariantResponse(setFullTitles(user.id, kind, submission.value.titles === "full"), "Not found");
    return redirect("/calendar#titles", saved());
  }
  throw new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function TitlesForm({ fullTitles }: { fullTitles: boolean }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  // The server's reply read without conform's client code (decision 005): the page's JS stays in budget.
  const result = actionData?.intent === "titles" ? (actionData.result ?? undefined) : undefined;
  const reply = formReply(result);
  useFocusFirstInvalid("titles", result);
  const errors = reply.errors("titles") ?? undefined;
  const invalid = Boolean(errors?.length);
  const [descriptionId, errorId] = ["titles-titles-description", "titles-titles-error"];
  return (
    <Form method="post" className="card form" id="titles" noValidate>
      <input type="hidden" name="intent" value="titles" />
      <fieldset
        className={invalid ? "choice field--invalid" : "choice"}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${descriptionId} ${invalid ? errorId : ""}`.trim()}
      >
        <legend>{t("calendar.titles.legend")}</legend>
        <p id={descriptionId} className="field__hint">
          {t("calendar.titles.hint")}
        </p>
        {TITLE_CHOICES.map((choice) => (
          <label key={choice} className="choice__option">
            <input type="radio" name="titles" value={choice} defaultChecked={(choice === "full") === fullTitles} />
            {t(choice === "full" ? "calendar.titles.full" : "calendar.titles.generic")}
          </label>
        ))}
        <FieldError id={errorId} errors={errors} />
      </fieldset>
      <button type="submit" className="button">
        {t("calendar.titles.save")}
      </button>
    </Form>
  );
}

export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { kind, feed, links, replaced, meetings, platform } = useLoaderData<typeof loader>();
  return (
    <div className="calendar-page">
      <h1>{t("calendar.title")}</h1>
      {kind ? <p className="lead-text">{t(`calendar.intro.${kind}`)}</p> : <p className="notice">{t("calendar.noFeed")}</p>}
      {kind ? (
        <>
          <section aria-labelledby="link-heading" className="card">
            <h2 id="link-heading">{t("calendar.linkHeading")}</h2>
            {links ? <SubscriptionLinks links={links} replaced={replaced} platform={platform} /> : null}
            {feed ? (
              <p>
                {t("calendar.createdOn", { date: formatDateTime(feed.createdAt, locale) })}{" "}
                <span className="feed-fetched">
                  {feed.lastFetchedAt ? t("calendar.lastFetched", { when: formatDateTime(feed.lastFetchedAt, locale) }) : t("calendar.neverFetched")}
                </span>
              </p>
            ) : (
              <p>{t("calendar.noLink")}</p>
            )}
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="newLink" />
              {feed ? <p className="field__hint">{t("calendar.resetHint")}</p> : null}
              <button type="submit" className={feed ? "button" : "button button--primary"}>
                {t(feed ? "calendar.reset" : "calendar.create")}
              </button>
            </Form>
          </section>
          {feed ? <TitlesForm fullTitles={feed.fullTitles} /> : null}
          {meetings.length > 0 ? <MeetingList meetings={meetings} showMentor={kind === "youth"} /> : null}
          <HowToSubscribe platform={platform} />
        </>
      ) : null}
    </div>
  );
}
