/**
 * Who does a goal or step, in words. In the young person's own view their own steps are "Es" / "Я" /
 * "Me", never their role ("Jaunietis"); everyone else sees the role (docs/style-lv.md, docs/style-ru.md).
 * Only a young person's account ever sees a plan as its own: they see no other plan.
 */
import { useRouteLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import type { Owner } from "~/domain/vocabulary";

export function useSeesOwnPlan(): boolean {
  return useRouteLoaderData<RootData>("root")?.user?.role === "youth";
}

/** The words for `owner`; `own` when the young person is reading their own plan (a loader's server-side `t`, too). */
export function ownerText(t: TFunction, owner: Owner | string, own: boolean): string {
  return t(`plan.owner.${owner}`, own && owner === "youth" ? { context: "own" } : {});
}

export function useOwnerLabel(): (owner: Owner | string) => string {
  const { t } = useTranslation();
  const own = useSeesOwnPlan();
  return (owner) => ownerText(t, owner, own);
}
