/**
 * The URL of one calendar item's `.ics` download. Its own module, so a page with a download link does not
 * carry the whole calendar vocabulary in its JS (decision 030); `./calendar` re-exports it.
 */
export function downloadPath(youngPersonId: string, type: "goal" | "step" | "meeting" | "review", id: string): string {
  return `/plan/${youngPersonId}/${type}s/${id}/event.ics`;
}
