/**
 * End-to-end tests: the built app (`npm run build` first) served by `npm run serve` on a fresh SQLite
 * file seeded with the demo organisation, driven by Debian's Chromium (Playwright cannot download its
 * own browsers here; see ../shared/DESIGN.md "Pitfalls").
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_PORT } from "./e2e/env";

const root = fileURLToPath(new URL("..", import.meta.url));
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.tmp/e2e-results",
  // One server and one database for the whole run, and two cores: one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list", { printSteps: false }]],
  use: {
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    baseURL: E2E_BASE_URL,
    locale: "lv-LV",
    timezoneId: "Europe/Riga",
    screenshot: "only-on-failure",
    trace: "off",
    video: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node tests/e2e/start-server.mjs",
    cwd: root,
    url: `${E2E_BASE_URL}/healthz`,
    env: { PORT: String(E2E_PORT) },
    // A fresh database every run; E2E_REUSE_SERVER=1 keeps a server you started yourself (local only).
    reuseExistingServer: !ci && process.env.E2E_REUSE_SERVER === "1",
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
