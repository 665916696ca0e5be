/**
 * E-mail through nodemailer when SMTP_URL is set; without it the app works and says so (links and QR
 * codes are then handed over in person). The link in a message is a secret: it is never logged.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { mailFrom, smtpUrl } from "./env.server";

let transport: { url: string; transporter: Transporter } | undefined;

/**
 * Short timeouts unless SMTP_URL sets its own (nodemailer reads them from the URL's query): a mail server
 * that does not answer makes the page say "not sent" within seconds, instead of hanging for minutes.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function withTimeouts(url: string): string {
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  const given = new URLSearchParams(query);
  const missing = Object.entries(TIMEOUTS).filter(([name]) => !given.has(name));
  if (missing.length === 0) return url;
  const extra = missing.map(([name, ms]) => `${name}=${ms}`).join("&");
  return `${url}${query ? "&" : url.includes("?") ? "" : "?"}${extra}`;
}

export function mailConfigured(): boolean {
  return smtpUrl() !== null;
}

/** Sends one plain-text message; false (and one log line without the text) when it could not be sent. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const url = smtpUrl();
  if (!url) return false;
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(withTimeouts(url)) };
  try {
    await transport.transporter.sendMail({ from: mailFrom(), ...message });
    return true;
  } catch (error) {
    console.error(`mail: could not send to one recipient: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
