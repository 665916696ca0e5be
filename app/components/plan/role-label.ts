/** A person's role in words; in the young person's own view their own role is "es" / "я" / "me" (comments, access log). */
import { useTranslation } from "react-i18next";
import { useSeesOwnPlan } from "./owner-label";

export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  const own = useSeesOwnPlan();
  return (role) => t(`roles.${role}`, own && role === "youth" ? { context: "own" } : {});
}
