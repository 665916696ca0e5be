/** Input limits, in a module of their own so pages can show them without loading the form schemas. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2099-12-31";
