/** Links handed to a person (invitation, reset): absolute URL and a QR code drawn as SVG on the server. */
import QRCode from "qrcode";
import { trustProxy } from "./env.server";

/** This site's origin as the browser sees it (behind our own proxy: its forwarded host and scheme). */
export function siteOrigin(request: Request): string {
  const url = new URL(request.url);
  if (trustProxy()) {
    const host = request.headers.get("X-Forwarded-Host")?.split(",")[0]?.trim();
    const proto = request.headers.get("X-Forwarded-Proto")?.split(",")[0]?.trim();
    if (host) return `${proto === "http" ? "http" : "https"}://${host}`;
  }
  return url.origin;
}

export interface HandedLink {
  url: string;
  /** An <svg> element (no script, no external references). */
  qrSvg: string;
}

export async function handedLink(request: Request, path: string): Promise<HandedLink> {
  const url = `${siteOrigin(request)}${path}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { url, qrSvg };
}
