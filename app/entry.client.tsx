/**
 * Hydrates the server's document once this page's translation files have arrived (their URLs are in the
 * document's #tilts-i18n manifest and already preloaded; after the first visit they come from the HTTP
 * cache). Then fetches the catalogue of every browser string, for client-side navigations to pages that
 * need other parts. If a file cannot be fetched, the page stays as the server rendered it: plain links and
 * forms, which work without JavaScript.
 */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerManifest, registerStrings, type TranslationManifest } from "~/utils/i18n";

async function fetchStrings(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

const element = document.getElementById("tilts-i18n");
if (!element) {
  // A page without translations (the fallback error page when even the root loader failed).
  hydrate();
} else {
  const manifest = JSON.parse(element.textContent ?? "{}") as TranslationManifest;
  Promise.all(Object.values(manifest.files).map(fetchStrings))
    .then((parts) => {
      registerManifest(manifest);
      for (const strings of parts) registerStrings(manifest.locale, strings);
      hydrate();
      return fetchStrings(manifest.all).then((all) => registerStrings(manifest.locale, all));
    })
    .catch((error: unknown) => console.error("Tilts: translations did not load; the page works without JavaScript.", error));
}
