/**
 * Making a handed link for an invitation or a reset: the QR code, and the e-mail when SMTP is set. The
 * action that makes one sends the mail and redirects; the page shows the link once (post/redirect/get
 * through app/utils/shown-once.server.ts, like the calendar link), so a refresh neither makes a new link
 * nor mails it again.
 */
import type { HandedLinkView } from "~/components/handed-link";
import type { Locale } from "~/domain/vocabulary";
import { liveHandedLink } from "~/models/accounts.server";
import { getFixedT } from "./i18n.server";
import { handedLink } from "./links.server";
import { mailConfigured, sendMail } from "./mail.server";
import { shownOnce } from "./shown-once.server";
import { TOKEN_PATTERN } from "./tokens.server";

type Kind = HandedLinkView["kind"];

const linkPath = (kind: Kind, token: string) => (kind === "invitation" ? `/invite/${token}` : `/reset/${token}`);
const onPage = (pagePath: string) => shownOnce("tilts_handed_link", pagePath);

type HandOver = { kind: Kind; token: string; forName: string; email: string; locale: Locale; organisationName?: string };

/** Mails the link when SMTP is set; whether it went. */
export async function mailHandedLink(request: Request, options: HandOver): Promise<boolean> {
  if (!mailConfigured()) return false;
  const t = getFixedT(options.locale);
  const { url } = await handedLink(request, linkPath(options.kind, options.token));
  return sendMail({
    to: options.email,
    subject: t(`org.mail.${options.kind}.subject`),
    text: t(`org.mail.${options.kind}.text`, { name: options.forName, url, organisation: options.organisationName ?? "" }),
  });
}

/** Mails the link (when SMTP is set); the answer is the Set-Cookie header for the redirect to `pagePath`. */
export async function handOver(pagePath: string, request: Request, options: HandOver): Promise<string> {
  const emailed = await mailHandedLink(request, options);
  return onPage(pagePath).keep([options.kind, options.token, emailed ? "1" : "0"]);
}

export type HandedLinkOwner = NonNullable<ReturnType<typeof liveHandedLink>>;

/**
 * The link just handed over on this page, if the request carries one that still works, was issued by
 * `viewerId` and passes `belongs` (the page's own check: this record, a staff account); the headers clear it.
 */
export async function handedLinkShownOnce(
  request: Request,
  pagePath: string,
  viewerId: string,
  belongs: (owner: HandedLinkOwner) => boolean,
): Promise<{ link: HandedLinkView | null; headers: Headers }> {
  const headers = new Headers();
  const parts = onPage(pagePath).read(request);
  if (!parts) return { link: null, headers };
  headers.append("Set-Cookie", onPage(pagePath).clear());
  headers.set("Cache-Control", "no-store");
  const [kind, token, emailed] = parts;
  if ((kind !== "invitation" && kind !== "reset") || !token || !TOKEN_PATTERN.test(token)) return { link: null, headers };
  const owner = liveHandedLink(kind, token);
  if (!owner || owner.issuedBy !== viewerId || !belongs(owner)) return { link: null, headers };
  const { url, qrSvg } = await handedLink(request, linkPath(kind, token));
  return { link: { kind, url, qrSvg, forName: owner.forName, emailed: emailed === "1", mailConfigured: mailConfigured() }, headers };
}
