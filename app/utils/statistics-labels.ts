/** The label of a statistics cell, for the page and the CSV alike. */
import type { TFunction } from "i18next";

export function statisticsCellLabel(t: TFunction, dimension: string, key: string): string {
  if (dimension === "municipality") return key === "other" ? t("org.statistics.otherMunicipalities") : key;
  if (dimension === "goalsDone") return t(`domains.${key}.name`);
  return t(`org.statistics.values.${dimension}.${key}`);
}
