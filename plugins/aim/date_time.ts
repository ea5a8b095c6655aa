/**
 * The session start from AiM's `"Date"` and `"Time"` metadata rows
 * (`"Sunday, June 14, 2026"`, `"02:05 PM"`), read as UTC.
 *
 * @module
 */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * Unix time of 00:00 on the date, or `null`. Accepts a month name
 * (`Sunday, June 14, 2026`, `14 June 2026`, `Jun 14 2026`) or ISO
 * `2026-06-14`; purely numeric day/month forms are ambiguous and refused.
 */
export function parseAimDate(text: string): number | null {
  const t = text.trim().toLowerCase();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const monthFirst = /([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(t);
  const dayFirst = /(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?,?\s+(\d{4})/.exec(t);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (monthFirst) {
    [year, month, day] = [Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2])];
  } else if (dayFirst) {
    [year, month, day] = [Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1])];
  } else return null;
  if (!(month >= 1 && month <= 12) || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms / 1000;
}

/** Seconds of day of `02:05 PM`, `14:05`, `2:05:30 pm`; `null` when unreadable. */
export function parseAimTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] ? Number(m[3]) : 0;
  const meridiem = m[4]?.[0].toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    if (meridiem === "a" && hours === 12) hours = 0;
    if (meridiem === "p" && hours !== 12) hours += 12;
  }
  if (hours > 23 || minutes > 59 || seconds >= 60) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** Unix time of the session start from the two rows, or `null` when either is missing or unreadable. */
export function aimStartUnixS(date: string | undefined, time: string | undefined): number | null {
  if (date === undefined || time === undefined) return null;
  const midnight = parseAimDate(date);
  const seconds = parseAimTime(time);
  return midnight === null || seconds === null ? null : midnight + seconds;
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name)) + 1;
}
