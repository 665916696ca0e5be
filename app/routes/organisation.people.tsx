import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { HandedLink } from "~/components/handed-link";
import { invitableRoles } from "~/domain/accounts";
import { fieldErrorsOf } from "~/domain/form-errors";
import { isLocale, ROLES, type Locale, type Role } from "~/domain/vocabulary";
import {
  ACCOUNT_STATES,
  changeRole,
  createInvitation,
  issuePasswordReset,
  listPeople,
  openInvitations,
  revokeInvitation,
  setAccountDisabled,
  staffResetTarget,
} from "~/models/accounts.server";
import { getOrganisation } from "~/models/organisations.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf, requireOrganisationAccess } from "~/utils/authz.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/format";
import { forms, parseForm } from "~/utils/forms.server";
import { handedLinkShownOnce, handOver } from "~/utils/handed-links.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { mailConfigured } from "~/utils/mail.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["org.errors", "org.invitations", "org.invite", "org.link", "org.people", "roles"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

function queryOf(url: URL) {
  const role = url.searchParams.get("role");
  const state = url.searchParams.get("state");
  return {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    role: (ROLES as readonly string[]).includes(role ?? "") ? (role as Role) : null,
    state: (ACCOUNT_STATES as readonly string[]).includes(state ?? "") ? (state as (typeof ACCOUNT_STATES)[number]) : null,
  };
}

const PAGE = "/organisation/people";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageUsers");
  const t = getFixedT(resolveLocale(request, user.locale));
  const query = queryOf(new URL(request.url));
  // An invitation or reset link just made here (the action's redirect), shown once: staff only.
  const shown = await handedLinkShownOnce(
    request,
    PAGE,
    user.id,
    (owner) => owner.organisationId === user.organisationId && owner.role !== "youth" && owner.youngPersonId === null,
  );
  return json(
    {
      title: `${t("org.people.title")} · ${t("app.name")}`,
      query,
      people: listPeople(actorOf(user), query),
      invitations: openInvitations(user.organisationId, now().getTime()),
      invitableRoles: invitableRoles(user.role),
      mailConfigured: mailConfigured(),
      link: shown.link,
    },
    { headers: shown.headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageUsers");
  const actor = actorOf(user);
  const formData = await readFormData(request);
  const locale = resolveLocale(request, user.locale);
  if (formData.get("intent") === "invite") {
    requireOrganisationAccess(user, "organisation.inviteStaff");
    const submission = parseForm(formData, forms.inviteStaff);
    if (submission.status !== "success") return json({ intent: "invite", result: submission.reply() }, { status: 400 });
    const invited = createInvitation(actor, submission.value);
    if (!invited.ok) {
      return json({ intent: "invite", result: submission.reply({ fieldErrors: fieldErrorsOf(invited.problems) }) }, { status: 400 });
    }
    const keep = await handOver(PAGE, request, {
      kind: "invitation",
      token: invited.token,
      forName: submission.value.displayName,
      email: submission.value.email,
      locale,
      organisationName: getOrganisation(user.organisationId)?.name,
    });
    return redirect(`${PAGE}${new URL(request.url).search}#handed-link-invitation-heading`, { headers: { "Set-Cookie": keep } });
  }
  const submission = parseForm(formData, forms.accountAction);
  if (submission.status !== "success") return json({ intent: "account", result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const back = new URL(request.url).search;
  switch (value.intent) {
    case "disable":
    case "enable": {
      const outcome = await setAccountDisabled(actor, value.userId, value.intent === "disable");
      if (!outcome.ok) return json({ intent: "account", result: submission.reply({ formErrors: [outcome.error] }) }, { status: 403 });
      return redirect(`/organisation/people${back}`, saved());
    }
    case "role": {
      const outcome = await changeRole(actor, value.userId, value.role);
      if (!outcome.ok) return json({ intent: "account", result: submission.reply({ formErrors: [outcome.error] }) }, { status: 403 });
      return redirect(`/organisation/people${back}`, saved());
    }
    case "revoke": {
      requireOrganisationAccess(user, "organisation.inviteStaff");
      revokeInvitation(user.organisationId, value.invitationId);
      return redirect(`/organisation/people${back}`, saved());
    }
    case "reset": {
      requireOrganisationAccess(user, "organisation.issueStaffReset");
      const target = staffResetTarget(actor, value.userId);
      if (!target) return json({ intent: "account", result: submission.reply({ formErrors: ["org.errors.notAllowed"] }) }, { status: 403 });
      const token = issuePasswordReset(target.id, user.id);
      const keep = await handOver(PAGE, request, {
        kind: "reset",
        token,
        forName: target.displayName,
        email: target.email,
        locale: isLocale(target.locale) ? target.locale : locale,
      });
      return redirect(`${PAGE}${back}#handed-link-reset-heading`, { headers: { "Set-Cookie": keep } });
    }
  }
}

function InviteForm({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const result = data?.intent === "invite" ? (data.result as FormReplyData) : null;
  useFocusFirstInvalid("invite", result);
  const reply = formReply(result);
  return (
    <Form method="post" className="card form" id="invite" noValidate>
      <h2>{t("org.invite.heading")}</h2>
      <input type="hidden" name="intent" value="invite" />
      <PlainField formId="invite" name="displayName" label={t("org.invite.name")} errors={reply.errors("displayName")}>
        {(control) => <input {...control} type="text" defaultValue={reply.typed("displayName")} maxLength={200} autoComplete="off" />}
      </PlainField>
      <PlainField formId="invite" name="email" label={t("org.invite.email")} errors={reply.errors("email")}>
        {(control) => <input {...control} type="email" defaultValue={reply.typed("email")} inputMode="email" spellCheck={false} autoComplete="off" />}
      </PlainField>
      <PlainField formId="invite" name="role" label={t("org.invite.role")} errors={reply.errors("role")}>
        {(control) => (
          <select {...control} defaultValue={reply.typed("role", roles[0])}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </PlainField>
      <button type="submit" className="button button--primary">
        {t("org.invite.submit")}
      </button>
    </Form>
  );
}

export default function PeoplePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { people, invitations, invitableRoles: roles, query, mailConfigured: mail, link } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const accountErrors = data?.intent === "account" ? (data.result as FormReplyData | null)?.error?.[""] : null;
  const back = searchParams.toString() ? `?${searchParams.toString()}` : "";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t("nav.home")}</Link>
      </p>
      <h1>{t("org.people.title")}</h1>
      <p className="muted">{t("org.people.intro")}</p>
      {!mail ? <p className="notice">{t("org.link.noEmailSetUp")}</p> : null}
      {link ? <HandedLink link={link} /> : null}
      <FormError id="account-error" errors={accountErrors ?? undefined} />
      {roles.length > 0 ? <InviteForm roles={roles} /> : null}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("org.people.accounts", { count: people.length })}</h2>
        <Form method="get" className="card filter-form" role="search">
          <div className="field">
            <label htmlFor="people-q">{t("org.people.search")}</label>
            <input id="people-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="people-role">{t("org.people.role")}</label>
            <select id="people-role" name="role" defaultValue={query.role ?? ""}>
              <option value="">{t("org.people.anyRole")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="people-state">{t("org.people.state")}</label>
            <select id="people-state" name="state" defaultValue={query.state ?? ""}>
              <option value="">{t("org.people.anyState")}</option>
              <option value="active">{t("org.people.active")}</option>
              <option value="disabled">{t("org.people.disabled")}</option>
            </select>
          </div>
          <button type="submit" className="button">
            {t("org.people.filter")}
          </button>
        </Form>
        {people.length === 0 ? (
          <p className="card empty">{t("org.people.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="case-table people-table">
              <caption className="visually-hidden">{t("org.people.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("org.people.name")}</th>
                  <th scope="col">{t("org.people.role")}</th>
                  <th scope="col">{t("org.people.state")}</th>
                  <th scope="col">{t("org.people.lastLogin")}</th>
                  <th scope="col">{t("org.people.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id} data-email={p.email}>
                    <th scope="row">
                      {p.displayName}
                      <br />
                      <span className="muted">{p.email}</span>
                    </th>
                    <td>{t(`roles.${p.role}`)}</td>
                    <td className={p.disabled ? "state--disabled" : undefined}>{p.disabled ? t("org.people.disabled") : t("org.people.active")}</td>
                    <td>{p.lastLoginAt ? formatDateTime(p.lastLoginAt, locale) : t("org.people.never")}</td>
                    <td>
                      {p.manageable ? (
                        <>
                          <Form method="post" action={`/organisation/people${back}`}>
                            <input type="hidden" name="intent" value={p.disabled ? "enable" : "disable"} />
                            <input type="hidden" name="userId" value={p.id} />
                            <button type="submit" className="button button--small">
                              {p.disabled ? t("org.people.enable") : t("org.people.disable")}
                            </button>
                          </Form>
                          {p.roles.length > 0 ? (
                            <Form method="post" action={`/organisation/people${back}`}>
                              <input type="hidden" name="intent" value="role" />
                              <input type="hidden" name="userId" value={p.id} />
                              <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                                {t("org.people.newRole", { name: p.displayName })}
                              </label>
                              <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                                {p.roles.map((r) => (
                                  <option key={r} value={r}>
                                    {t(`roles.${r}`)}
                                  </option>
                                ))}
                              </select>
                              <button type="submit" className="button button--small">
                                {t("org.people.changeRole")}
                              </button>
                            </Form>
                          ) : null}
                          {p.mayReset ? (
                            <Form method="post" action={`/organisation/people${back}`}>
                              <input type="hidden" name="intent" value="reset" />
                              <input type="hidden" name="userId" value={p.id} />
                              <button type="submit" className="button button--small">
                                {t("org.people.resetLink")}
                              </button>
                            </Form>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">{t("org.people.notYours")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t("org.invitations.heading", { count: invitations.length })}</h2>
        {invitations.length === 0 ? (
          <p className="card empty">{t("org.invitations.none")}</p>
        ) : (
          <ul className="member-list">
            {invitations.map((i) => (
              <li key={i.id} className="card member invitation">
                <span className="member__name">{i.displayName}</span>
                <span className="member__email">{i.email}</span>
                <span className="member__role">
                  {t(`roles.${i.role}`)} · {t(`org.invitations.state.${i.state}`)} ·{" "}
                  {t("org.invitations.expires", { date: formatDateTime(i.expiresAt, locale) })}
                </span>
                {roles.length > 0 ? (
                  <Form method="post" action={`/organisation/people${back}`}>
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className="button button--small">
                      {t("org.invitations.revoke")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
