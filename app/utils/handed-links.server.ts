/** Making a handed link for an invitation or a reset: the QR code, and the e-mail when SMTP is set. */
import type { HandedLinkView } from "~/components/handed-link";
import type { Locale } from "~/domain/vocabulary";
import { getFixedT } from "./i18n.server";
import { handedLink } from "./links.server";
import { mailConfigured, sendMail } from "./mail.server";

export async function handOver(
  request: Request,
  options: { kind: "invitation" | "reset"; token: string; forName: string; email: string; locale: Locale; organisationName?: string },
): Promise<HandedLinkView> {
  const path = options.kind === "invitation" ? `/invite/${options.token}` : `/reset/${options.token}`;
  const { url, qrSvg } = await handedLink(request, path);
  let emailed = false;
  if (mailConfigured()) {
    const t = getFixedT(options.locale);
    emailed = await sendMail({
      to: options.email,
      subject: t(`org.mail.${options.kind}.subject`),
      text: t(`org.mail.${options.kind}.text`, { name: options.forName, url, organisation: options.organisationName ?? "" }),
    });
  }
  return { kind: options.kind, url, qrSvg, forName: options.forName, emailed, mailConfigured: mailConfigured() };
}
