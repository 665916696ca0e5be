/** Input limits, in a module of their own so pages can show them without loading the form schemas. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2099-12-31";
/** A password's length in code points (the other rules are in ./password.ts, with the common passwords). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
