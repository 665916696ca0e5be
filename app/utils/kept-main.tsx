/**
 * The page's content as the server rendered it for the same data before (app/utils/kept-main.server.ts,
 * docs/decisions/043-page-content-kept-by-its-data.md): handed from entry.server to the root's <main>.
 * In the browser there is no provider, so <main> always renders its children.
 */
import { createContext, useContext } from "react";

const KeptMainContext = createContext<string | null>(null);
export const KeptMainProvider = KeptMainContext.Provider;

/** The HTML inside <main> kept for this request's data, or null: render the page. */
export function useKeptMain(): string | null {
  return useContext(KeptMainContext);
}
