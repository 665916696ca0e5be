/**
 * Field schemas that several forms share (messages are translation keys): a date of the app's range, as
 * the date inputs send it (yyyy-mm-dd), required or optional.
 */
import { z } from "zod";
import { isIsoDate } from "./dates";
import { EARLIEST_DATE, LATEST_DATE } from "./limits";

/** An absent or non-text value reads as "required". */
export const REQUIRED = { required_error: "errors.required", invalid_type_error: "errors.required" };

export const requiredDate = z
  .string(REQUIRED)
  .trim()
  .refine((v) => isIsoDate(v), "errors.dateInvalid")
  .refine((v) => v >= EARLIEST_DATE && v <= LATEST_DATE, "errors.dateOutOfRange");

export const optionalDate = z
  .string()
  .trim()
  .refine((v) => isIsoDate(v), "errors.dateInvalid")
  .refine((v) => v >= EARLIEST_DATE && v <= LATEST_DATE, "errors.dateOutOfRange")
  .optional();
