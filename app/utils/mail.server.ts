/**
 * E-mail through nodemailer when SMTP_URL is set; without it the app works and says so (links and QR
 * codes are then handed over in person). The link in a message is a secret: it is never logged.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { mailFrom, smtpUrl } from "./env.server";

let transport: { url: string; transporter: Transporter } | undefined;

export function mailConfigured(): boolean {
  return smtpUrl() !== null;
}

/** Sends one plain-text message; false (and one log line without the text) when it could not be sent. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const url = smtpUrl();
  if (!url) return false;
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  try {
    await transport.transporter.sendMail({ from: mailFrom(), ...message });
    return true;
  } catch (error) {
    console.error(`mail: could not send to one recipient: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
