/** Forms of the calendar and notifications pages; validated on the server only, like every form. */
import { z } from "zod";
import { TITLE_CHOICES } from "./calendar";

export const calendarTitlesSchema = z.object({
  titles: z.enum(TITLE_CHOICES, { errorMap: () => ({ message: "calendar.errors.titles" }) }),
});

/** "Mark all as read" posts the keys of the unread notifications the page showed. */
export const markReadSchema = z.object({
  key: z.array(z.string().min(1).max(200)).max(5000),
});
