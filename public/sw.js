/*
 * Tilts offline reading (issue 14, docs/decisions/019-home-header-offline.md). A young person's own plan
 * pages stay readable without a network after one visit:
 * - only while the page has told this worker that a young person is logged in ("owner" message); any
 *   other page (logged out, another role, another person) empties the cache;
 * - only GET page loads of "/" and "/plan/…" (not exports, .ics or data requests) and the stylesheets;
 * - network first: online, every page comes fresh and its copy is replaced;
 * - offline, the copy is served with a note saying when it was saved, with its scripts and forms taken
 *   out (no offline writes);
 * - logging out sends Clear-Site-Data, which removes this worker and its cache even without JavaScript.
 */
const CACHE = "tilts-offline-v1";
const OWNER_KEY = "/__tilts_owner__";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function owner() {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(OWNER_KEY);
  return stored ? stored.text() : null;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "owner" && typeof data.owner === "string") {
    event.waitUntil(
      owner().then(async (current) => {
        if (current !== data.owner) await caches.delete(CACHE);
        const cache = await caches.open(CACHE);
        await cache.put(OWNER_KEY, new Response(data.owner));
      }),
    );
  } else if (data.type === "clear") {
    event.waitUntil(caches.delete(CACHE));
  }
});

function cacheablePage(url) {
  if (url.origin !== self.location.origin || url.search.includes("_data")) return false;
  if (url.pathname === "/") return true;
  return /^\/plan\/[^/]+(\/[^.]*)?$/.test(url.pathname) && !/\/(export|access)(\/|$)/.test(url.pathname);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/** The saved copy as an offline page: a note with the time it was saved, no scripts, no forms. */
async function offlineCopy(response) {
  const savedAt = Number(response.headers.get("X-Tilts-Saved-At") || Date.now());
  let html = await response.text();
  const lang = (html.match(/<html[^>]*\blang="([a-z]{2})"/) || [])[1] || "lv";
  const time = new Intl.DateTimeFormat({ lv: "lv-LV", en: "en-GB", ru: "ru-RU" }[lang] || "lv-LV", {
    timeZone: "Europe/Riga",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(savedAt));
  html = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link[^>]+rel="(?:modulepreload|preload)"[^>]*>/g, "")
    .replace(/<p[^>]*\bid="flash"[^>]*>[\s\S]*?<\/p>/, "")
    .replace(/<html\b/, '<html data-offline="true"')
    .replace(/(<p[^>]*data-offline-note[^>]*?) hidden(?:="")?/, "$1")
    .replace(/__TILTS_SAVED_AT__/g, escapeHtml(time));
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function page(request) {
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    const type = response.headers.get("Content-Type") || "";
    if (response.ok && !response.redirected && type.startsWith("text/html") && (await owner())) {
      const headers = new Headers(response.headers);
      headers.set("X-Tilts-Saved-At", String(Date.now()));
      const body = await response.clone().arrayBuffer();
      const cache = await caches.open(CACHE);
      await cache.put(url.pathname + url.search, new Response(body, { status: 200, headers }));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const copy = (await cache.match(url.pathname + url.search)) || (await cache.match(url.pathname));
    if (copy) return offlineCopy(copy);
    throw error;
  }
}

async function stylesheet(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (await owner())) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(request);
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate" && cacheablePage(url)) {
    event.respondWith(page(request));
  } else if (
    url.origin === self.location.origin &&
    (request.destination === "style" || url.pathname.startsWith("/icons/") || url.pathname === "/favicon.svg")
  ) {
    event.respondWith(stylesheet(request));
  }
});
