/**
 * "Who sees my plan": every person linked to the plan and what each sees; the young person's switches
 * for their mentor and their carer; the receipts of every change (docs/decisions/010-sharing-and-history.md).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReceiptList, sectionName } from "~/components/keys";
import { ALWAYS_SHARED, AUDIENCES, SWITCHABLE, type Audience, type Section } from "~/domain/sharing";
import { linkedPeople, receiptsOf, setSharingSwitch } from "~/models/sharing.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "keys", "pages.fold", "pages.print", "plan", "roles"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "sharing.view", { part: "sharing" });
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const isOwn = access.allowed("sharing.manage");
  const shared = access.subject.shared ?? { mentor: [], carer: [] };
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t(isOwn ? "keys.sharing.titleOwn" : "keys.sharing.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    isOwn,
    people: linkedPeople(access.plan.youngPersonId),
    shared,
    switchable: SWITCHABLE,
    always: ALWAYS_SHARED,
    receipts: isOwn ? receiptsOf(access.plan.youngPersonId) : [],
  });
}

const INTENTS = { switch: { action: "sharing.manage" } } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "sharing.view");
  const formData = await readFormData(request);
  requireIntent(access, formData.get("intent"), INTENTS);
  const audience = formData.get("audience");
  const section = formData.get("section");
  const result = setSharingSwitch(access.plan.youngPersonId, access.subject, access.user, audience, section, formData.get("shared") === "1");
  if (result === "invalid") return json({ error: "keys.sharing.unknownSwitch" }, { status: 400 });
  // An audience nobody is in is folded on the page (decision 027): the switch just used opens it again.
  const nobody = !linkedPeople(access.plan.youngPersonId).some((p) => p.role === audience);
  return redirect(`/plan/${access.plan.youngPersonId}/sharing${nobody ? `?open=${audience}` : ""}#${audience}-${section}`, saved());
}

function SwitchList({ audience, youngPersonId }: { audience: Audience; youngPersonId: string }) {
  const { t } = useTranslation();
  const { shared, switchable, always } = useLoaderData<typeof loader>();
  const sees = new Set<Section>(shared[audience]);
  const who = t(`keys.audience.${audience}`);
  return (
    <ul className="switches">
      {switchable[audience].map((section) => {
        const on = sees.has(section);
        const name = sectionName(t, section);
        return (
          <li key={section} id={`${audience}-${section}`} className="switch">
            <span className="switch__name">{name}</span>
            <span className={on ? "status status--shared" : "status status--hidden"}>{t(on ? "keys.sharing.shared" : "keys.sharing.hidden")}</span>
            <Form method="post" action={`/plan/${youngPersonId}/sharing`} className="switch__form">
              <input type="hidden" name="intent" value="switch" />
              <input type="hidden" name="audience" value={audience} />
              <input type="hidden" name="section" value={section} />
              <input type="hidden" name="shared" value={on ? "0" : "1"} />
              <button
                type="submit"
                className="button button--small"
                aria-label={t(on ? "keys.sharing.stopLabel" : "keys.sharing.shareLabel", { section: name, audience: who })}
              >
                {t(on ? "keys.sharing.stopSharing" : "keys.sharing.share")}
              </button>
            </Form>
          </li>
        );
      })}
      {always[audience].includes("contacts") ? <li className="muted">{t("keys.sharing.contactsAlways")}</li> : null}
    </ul>
  );
}

const RECEIPTS_SHOWN = 3;

export default function SharingPage() {
  const { t } = useTranslation();
  const { youngPersonId, isOwn, people, shared, receipts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const seesText = (audience: Audience) =>
    shared[audience].length ? t("keys.sharing.sees", { sections: shared[audience].map((s) => sectionName(t, s)).join(", ") }) : t("keys.sharing.seesNothing");
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t(isOwn ? "keys.sharing.titleOwn" : "keys.sharing.title")}</h1>
      <p className="muted">{t(isOwn ? "keys.sharing.intro" : "keys.sharing.introStaff")}</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("keys.sharing.people")}</h2>
        {people.length === 0 ? <p className="muted">{t("keys.sharing.nobody")}</p> : null}
        <ul className="card-list">
          {people.map((person) => (
            <li key={`${person.role}-${person.id}`} className="card">
              <h3>
                {person.displayName} <span className="muted">({t(`roles.${person.role}`)})</span>
              </h3>
              <p>{person.role === "specialist" ? t("keys.sharing.specialistWhy") : seesText(person.role)}</p>
            </li>
          ))}
        </ul>
      </section>

      {isOwn
        ? AUDIENCES.map((audience) => {
            const heading = t(audience === "mentor" ? "keys.sharing.switchesMentor" : "keys.sharing.switchesCarer");
            if (people.some((p) => p.role === audience))
              return (
                <section key={audience} aria-labelledby={`switches-${audience}`} className="card">
                  <h2 id={`switches-${audience}`}>{heading}</h2>
                  <SwitchList audience={audience} youngPersonId={youngPersonId} />
                </section>
              );
            // Nobody in this role yet: the switches (what they will see) are folded under the heading.
            return (
              <details key={audience} className="card fold" id={`switches-${audience}`} open={search.get("open") === audience || undefined}>
                <summary>
                  <h2 className="fold__title">{heading}</h2>
                </summary>
                <p className="muted">{t(audience === "mentor" ? "keys.sharing.noMentor" : "keys.sharing.noCarer")}</p>
                <SwitchList audience={audience} youngPersonId={youngPersonId} />
              </details>
            );
          })
        : null}

      {isOwn ? (
        <section aria-labelledby="receipts-heading">
          <h2 id="receipts-heading">{t("keys.sharing.receipts")}</h2>
          {receipts.length === 0 ? (
            <p className="muted">{t("keys.sharing.noReceipts")}</p>
          ) : (
            <>
              {/* The newest changes; the earlier ones fold (decision 027). */}
              <ReceiptList receipts={receipts.slice(0, RECEIPTS_SHOWN)} className="receipts" />
              {receipts.length > RECEIPTS_SHOWN ? (
                <details className="fold">
                  <summary>{t("pages.fold.olderChanges", { count: receipts.length - RECEIPTS_SHOWN })}</summary>
                  <ReceiptList receipts={receipts.slice(RECEIPTS_SHOWN)} className="receipts" />
                </details>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
