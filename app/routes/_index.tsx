import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadRoleHome, RoleHome } from "~/components/role-home";
import type { TranslationHandle } from "~/utils/i18n";
import { homePage } from "~/utils/home-page.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = {
  i18n: [
    "budget",
    "case",
    "countdown",
    "documents",
    "domains",
    "feedback",
    "help",
    "home",
    "keys",
    "mentoring",
    "org.home",
    "org.people",
    "org.record",
    "org.statistics",
    "organisation",
    "pages.overview",
    "phase",
    "plan",
    "reviews",
    "roles",
    "skills",
    "weekly.mentorWaiting",
    "wellbeing",
    "worklist",
  ],
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { data, init } = await homePage(request);
  // The page renders to one string (decision 009): the role's home module must be here before it does.
  await loadRoleHome(data.home.role);
  return json(data, init);
}

/**
 * A client-side navigation to the home fetches the role's home code with the data (decision 030), so
 * the page never renders without it. The first page load hydrates from the server's data without this.
 * If the code cannot be fetched, the home loads as a document (it works without JavaScript).
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  try {
    await loadRoleHome(data.home.role);
  } catch {
    window.location.assign(request.url);
    await new Promise(() => {});
  }
  return data;
}

export default function HomePage() {
  const { t } = useTranslation();
  const { home, displayName } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="greeting">{t("home.greeting", { name: displayName })}</p>
      <RoleHome home={home} />
    </>
  );
}
