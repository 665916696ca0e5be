/** A secret one-time link handed to a person: QR code to scan, the link to copy, and whether it was e-mailed. */
import { useTranslation } from "react-i18next";
import { CopyButton } from "./copy-button";

export interface HandedLinkView {
  kind: "invitation" | "reset";
  url: string;
  qrSvg: string;
  /** Whom it is for (their name). */
  forName: string;
  emailed: boolean;
  mailConfigured: boolean;
}

export function HandedLink({ link }: { link: HandedLinkView }) {
  const { t } = useTranslation();
  const inputId = `handed-link-${link.kind}`;
  return (
    <section className="card handed-link" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t(`org.link.${link.kind}.heading`, { name: link.forName })}</h2>
      <p>{t(`org.link.${link.kind}.how`)}</p>
      <div className="handed-link__qr" role="img" aria-label={t("org.link.qrLabel")} dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
      <div className="field">
        <label htmlFor={inputId}>{t("org.link.label")}</label>
        <input id={inputId} type="text" readOnly value={link.url} spellCheck={false} className="handed-link__url" />
      </div>
      <CopyButton text={link.url} label={t("org.link.copy")} copiedLabel={t("org.link.copied")} describedBy={inputId} />
      <p className="muted">{link.emailed ? t("org.link.emailed") : link.mailConfigured ? t("org.link.emailFailed") : t("org.link.noEmail")}</p>
      <p className="muted">{t(`org.link.${link.kind}.validity`)}</p>
    </section>
  );
}
