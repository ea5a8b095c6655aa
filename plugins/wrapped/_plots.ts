/**
 * The Wrapped page's figures as Plot options: sessions per month, the best
 * lap of each session through the year at one circuit, and the distance
 * driven per circuit. They draw only what the route computed.
 *
 * @module
 */

import type { PlotOptions } from "@observablehq/plot";
import type * as PlotApi from "@observablehq/plot";
import type { Units } from "../../sdk/views.ts";

/** The year as the route sends it (snake_case), the fields the figures read. */
export interface YearJson {
  year: number;
  months: { month: number; sessions: number; laps: number; distance_km: number }[];
  best_laps: {
    session_id: string;
    date: string;
    track_slug: string | null;
    track_name: string;
    best_lap_s: number;
  }[];
  tracks: {
    slug: string | null;
    name: string;
    sessions: number;
    laps: number;
    distance_km: number;
    best_lap_s: number | null;
  }[];
}

/** Short month names, January first. */
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Below this width the month axis shows initials. */
const NARROW_PX = 480;

/** Sessions per month as bars, laps and distance in the tooltip; month initials when narrower than 480 px. */
export function sessionsPerMonth(Plot: typeof PlotApi, doc: YearJson, widthPx: number): PlotOptions {
  const rows = doc.months.map((m) => ({
    month: MONTHS[m.month - 1],
    sessions: m.sessions,
    title: `${MONTHS[m.month - 1]} ${doc.year}: ${m.sessions} session(s), ${m.laps} laps, ${
      m.distance_km.toFixed(0)
    } km`,
  }));
  const most = Math.max(1, ...rows.map((r) => r.sessions));
  return {
    x: {
      label: null,
      domain: MONTHS,
      type: "band",
      tickFormat: (m: string) => (widthPx < NARROW_PX ? m[0] : m),
    },
    y: { label: "Sessions", domain: [0, most], ticks: Math.min(most, 5), tickFormat: "d", grid: true },
    marginLeft: 40,
    marks: [
      Plot.barY(rows, { x: "month", y: "sessions", fill: "var(--accent)", title: "title", tip: true }),
      Plot.ruleY([0]),
    ],
  };
}

/** The best lap of every session at one circuit through the year, as a line with dots. */
export function bestLapsAt(
  Plot: typeof PlotApi,
  doc: YearJson,
  trackName: string,
  units: Units,
): PlotOptions {
  const rows = doc.best_laps.filter((b) => b.track_name === trackName).map((b) => ({
    date: new Date(b.date),
    time: b.best_lap_s,
    title: `${b.date.slice(0, 10)}: ${units.formatLapTime(b.best_lap_s)}`,
  }));
  const times = rows.map((r) => r.time);
  const pad = Math.max(0.3, (Math.max(...times) - Math.min(...times)) * 0.25);
  return {
    x: {
      label: null,
      type: "utc",
      domain: [new Date(Date.UTC(doc.year, 0, 1)), new Date(Date.UTC(doc.year, 11, 31))],
    },
    y: {
      label: "Best lap",
      domain: [Math.min(...times) - pad, Math.max(...times) + pad],
      tickFormat: (s: number) => units.formatLapTime(s).replace(/(\.\d)\d*$/, "$1"),
      ticks: 4,
      grid: true,
    },
    marginLeft: 64,
    marks: [
      Plot.line(rows, { x: "date", y: "time", stroke: "var(--accent)", strokeWidth: 2 }),
      Plot.dot(rows, { x: "date", y: "time", fill: "var(--accent)", r: 4, title: "title", tip: true }),
    ],
  };
}

/** Average width of a character of the 11 px axis text, px. */
const CHAR_PX = 6.2;

/** Distance driven per circuit as horizontal bars, most first; names shortened to fit `widthPx`. */
export function distancePerTrack(Plot: typeof PlotApi, doc: YearJson, widthPx: number): PlotOptions {
  const rows = [...doc.tracks].sort((a, b) => b.distance_km - a.distance_km).map((t) => ({
    track: t.name,
    km: t.distance_km,
    title: `${t.name}: ${t.distance_km.toFixed(0)} km in ${t.sessions} session(s)`,
  }));
  const longest = Math.max(...rows.map((r) => r.track.length));
  const margin = Math.min(widthPx * 0.4, longest * CHAR_PX + 12);
  const fits = Math.floor((margin - 12) / CHAR_PX);
  return {
    x: { label: "Distance (km)", grid: true },
    y: {
      label: null,
      domain: rows.map((r) => r.track),
      tickFormat: (name: string) => (name.length > fits ? `${name.slice(0, fits - 1)}…` : name),
    },
    marginLeft: margin,
    marks: [
      Plot.barX(rows, { x: "km", y: "track", fill: "var(--comp)", title: "title", tip: true }),
      Plot.ruleX([0]),
    ],
  };
}
