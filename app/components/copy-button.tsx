/**
 * "Copy" beside a read-only field holding a link. Progressive: without JavaScript the field is there to
 * select and copy by hand; the button appears once the page runs scripts and the browser can copy, and a
 * status beside it says when it has.
 */
import { useEffect, useState } from "react";

export function CopyButton({ text, label, copiedLabel, describedBy }: { text: string; label: string; copiedLabel: string; describedBy?: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!ready) return null;
  return (
    <span className="copy">
      <button
        type="button"
        className="button button--small"
        aria-describedby={describedBy}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="copy__status">
        {copied ? copiedLabel : ""}
      </span>
    </span>
  );
}
