/** The message after a save ("Saved."), announced as a status; app/utils/flash.server.ts sets it. */
import { useTranslation } from "react-i18next";

export function FlashMessage({ flash }: { flash: { key: string } | null }) {
  const { t } = useTranslation();
  if (!flash) return null;
  return (
    <p className="notice notice--success flash" role="status" id="flash">
      {t(`feedback.flash.${flash.key}`)}
    </p>
  );
}
