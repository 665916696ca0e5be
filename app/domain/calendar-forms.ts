/** The calendar page's form (app/routes/calendar.tsx); validated on the server only, like every form. */
import { z } from "zod";

export const TITLE_CHOICES = ["generic", "full"] as const;

export const calendarTitlesSchema = z.object({
  titles: z.enum(TITLE_CHOICES, { errorMap: () => ({ message: "calendar.errors.titles" }) }),
});

/** "Mark all as read" posts the keys of the notifications the page showed (at most a few hundred). */
export const markReadSchema = z.object({
  key: z.array(z.string().min(1).max(200)).max(1000),
});
