/**
 * Whether the server has this page's header and content kept for the request's data
 * (app/utils/kept-page.server.ts, docs/decisions/043-page-kept-by-its-data.md): then the root renders
 * KeptPageMark in their place and entry.server puts the kept HTML there. In the browser there is no
 * provider: the root renders the page, and hydrates against the same bytes.
 */
import { createContext, useContext } from "react";

const KeptPageContext = createContext(false);
export const KeptPageProvider = KeptPageContext.Provider;

export function useKeptPage(): boolean {
  return useContext(KeptPageContext);
}

/** Where the kept HTML goes: the first thing in <body>, as React writes it (KEPT_PAGE_MARK). */
export function KeptPageMark() {
  return <template data-tilts-kept="" />;
}

export const KEPT_PAGE_MARK = '<body><template data-tilts-kept=""></template>';
