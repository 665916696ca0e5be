/**
 * Makes the app's PNG icons from public/favicon.svg (issue 14: an installable app needs PNGs): Chromium
 * draws the SVG at each size. The PNGs and favicon.ico are committed; run this again after changing the SVG:
 *   node scripts/make-icons.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const svg = readFileSync("public/favicon.svg", "utf8");
const inner = svg.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
// Maskable: the launcher may cut the icon to a circle, so the drawing sits in the middle 80% on a full square.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0b5d5b"/><g transform="translate(6.4 6.4) scale(0.8)">${inner.replace('rx="14"', 'rx="0"')}</g></svg>`;
const icons = [
  { file: "public/icons/icon-192.png", size: 192, source: svg },
  { file: "public/icons/icon-512.png", size: 512, source: svg },
  { file: "public/icons/maskable-512.png", size: 512, source: maskable },
  { file: "public/apple-touch-icon.png", size: 180, source: maskable },
  { file: "public/icons/favicon-32.png", size: 32, source: svg },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
const page = await browser.newPage();
const pngs = {};
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  const sized = icon.source.replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
  writeFileSync(icon.file, png);
  pngs[icon.size] = png;
  console.log(icon.file, png.length, "bytes");
}
await browser.close();

// favicon.ico with one 32 × 32 PNG inside (the ICO format allows PNG images since Windows Vista).
const png = pngs[32];
const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt8(0, 8);
header.writeUInt8(0, 9);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18);
writeFileSync("public/favicon.ico", Buffer.concat([header, png]));
console.log("public/favicon.ico");
