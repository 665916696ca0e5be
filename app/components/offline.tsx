/**
 * Offline reading of the young person's own plan (issue 14): public/sw.js keeps copies of their pages
 * while this component tells it that a young person is logged in; for anyone else (or nobody) it
 * empties the copies. The note is in every young person's page, hidden; the worker shows it in an
 * offline copy and fills in when the copy was saved.
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

export function OfflineReading({ owner }: { owner: string | null }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (owner) {
      navigator.serviceWorker
        .register("/sw.js")
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => registration.active?.postMessage({ type: "owner", owner }))
        .catch(() => undefined);
    } else {
      // Not a young person (or logged out): no copies of anyone's pages stay on this device.
      navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "clear" })).catch(() => undefined);
      if ("caches" in window) window.caches.delete("tilts-offline-v1").catch(() => undefined);
    }
  }, [owner]);
  if (!owner) return null;
  return (
    <p className="notice offline-note" id="offline-note" data-offline-note hidden>
      {t("feedback.offline.note", { time: "__TILTS_SAVED_AT__" })}
    </p>
  );
}
