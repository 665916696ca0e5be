/**
 * Pages of a list (the lead's records, a domain's goals): which page a query string asks for, how many
 * there are and which rows one shows. Pure; the lists count and page in SQL.
 */

/** No page number beyond this is read (a query string is not a way to make the database count far). */
export const MAX_PAGE = 10_000;

/** A `?page=` value: anything but a plain positive number reads as the first page. */
export function pageNumberOf(value: string | null): number {
  if (value === null || !/^[1-9][0-9]{0,5}$/.test(value)) return 1;
  return Math.min(Number(value), MAX_PAGE);
}

/** How many pages `total` rows fill (at least one, so an empty list has its page 1). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The asked page within the pages there are (a page past the end shows the last one). */
export function pageWithin(page: number, total: number, size: number): number {
  return Math.min(Math.max(1, page), pageCount(total, size));
}

/** The first and last row numbers (1-based) a page shows; from > to when there is nothing. */
export function pageRange(page: number, total: number, size: number): { from: number; to: number } {
  const from = (page - 1) * size + 1;
  return { from: Math.min(from, total + 1), to: Math.min(page * size, total) };
}

/** The page that shows the row at `index` (0-based). */
export function pageOfIndex(index: number, size: number): number {
  return Math.floor(Math.max(0, index) / size) + 1;
}

/** A list's address at a page: page 1 is its plain address (`/plan/…/housing`, `…/housing?page=2`). */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}
