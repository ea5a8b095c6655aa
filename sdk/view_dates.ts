/**
 * Dates as browser modules show them, in the browser's language: a day
 * (`Jun 14, 2026` in English) or a day with the time. Routes send ISO 8601;
 * a bare calendar day (`2026-06-14`, e.g. an event's) is shown as that day
 * wherever the browser is, a moment in the browser's time zone.
 *
 * @example
 * ```ts
 * import { formatDay } from "./view_dates.ts";
 * console.assert(formatDay(null) === "—");
 * console.assert(formatDay("2026-06-14").includes("2026"));
 * ```
 *
 * @module
 */

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parsed(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(CALENDAR_DAY.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(date.getTime()) ? date : null;
}

/** The day of `iso`, or `"—"` when there is none. */
export function formatDay(iso: string | null | undefined): string {
  const date = parsed(iso);
  if (!date) return "—";
  return date.toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(CALENDAR_DAY.test(iso!) ? { timeZone: "UTC" } : {}),
  });
}

/** The day and time (hours and minutes) of `iso`, or `"—"`. */
export function formatDayTime(iso: string | null | undefined): string {
  const date = parsed(iso);
  if (!date) return "—";
  return date.toLocaleString(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
