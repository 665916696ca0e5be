import { expect, test } from "vitest";
import { MAX_PAGE, pageCount, pageNumberOf, pageOfIndex, pageRange, pageWithin, withPage } from "~/domain/paging";

test("a ?page= value is a plain positive number, or the first page", () => {
  expect(pageNumberOf(null)).toBe(1);
  expect(["", "0", "-2", "1.5", "x", "2x", " 3", "01"].map(pageNumberOf)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  expect(pageNumberOf("3")).toBe(3);
  expect(pageNumberOf("999999")).toBe(MAX_PAGE);
});

test("the page that shows a row agrees with the rows a page shows", () => {
  for (const size of [1, 3, 8]) {
    for (let total = 0; total < 30; total++) {
      for (let index = 0; index < total; index++) {
        const page = pageOfIndex(index, size);
        const { from, to } = pageRange(page, total, size);
        expect(index + 1).toBeGreaterThanOrEqual(from);
        expect(index + 1).toBeLessThanOrEqual(to);
        expect(pageWithin(page, total, size)).toBe(page);
        expect(page).toBeLessThanOrEqual(pageCount(total, size));
      }
    }
  }
  expect(pageOfIndex(-1, 8)).toBe(1);
});

test("page 1 is a list's plain address", () => {
  expect(withPage("/plan/x/housing", 1)).toBe("/plan/x/housing");
  expect(withPage("/plan/x/housing", 3)).toBe("/plan/x/housing?page=3");
});
