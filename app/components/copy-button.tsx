/**
 * "Copy" next to a read-only field (issue 14). Progressive: without JavaScript the field is there to
 * select and copy by hand; the button appears once the page runs scripts and the browser can copy.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export function CopyButton({ fieldId, label }: { fieldId: string; label: string }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!ready) return null;
  return (
    <span className="copy">
      <button
        type="button"
        className="button button--small"
        aria-describedby={fieldId}
        onClick={() => {
          const field = document.getElementById(fieldId) as HTMLInputElement | null;
          if (!field) return;
          field.select();
          navigator.clipboard.writeText(field.value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="copy__status">
        {copied ? t("feedback.calendar.copied") : ""}
      </span>
    </span>
  );
}
