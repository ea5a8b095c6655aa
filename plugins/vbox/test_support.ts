/**
 * Shared by this plugin's tests: the sample sessions, their truth files
 * and parse contexts.
 *
 * @module
 */

import {
  DEFAULT_SETTINGS,
  type DiagnosticInput,
  type ParseContext,
  type RunSettings,
} from "../../sdk/mod.ts";

/** The shared sample sessions (`../shared/data/sessions` next to the repository). */
export const SESSIONS_DIR = new URL("../../../shared/data/sessions/", import.meta.url);
/** The shared circuit files. */
export const TRACKS_DIR = new URL("../../../shared/data/tracks/", import.meta.url);

/** The fields of a `*.truth.json` the tests use. */
export interface Truth {
  /** The session file's name. */
  file: string;
  /** The format it is written in. */
  format: string;
  /** The circuit simulated. */
  track: { slug: string; name: string; length_m: number };
  /** Unix time of the first sample. */
  session_start_unix: number;
  /** Samples per second. */
  sample_rate_hz: number;
  /** Samples simulated (before any fault was injected). */
  rows: number;
  /** 1-based line of the first data row. */
  first_data_line: number;
  /** Laps, with the true start and end crossing times (s from the first sample). */
  laps: { number: number; start_time_s: number; end_time_s: number; complete: boolean }[];
  /** Stretches of poor GPS (accuracy over 2 m, or 5 satellites). */
  gps_quality_events: { kind: string; start_time_s: number; end_time_s: number }[];
  /** Injected faults and the line each is on. */
  faults: { kind: string; detail: string; line: number }[];
}

/** Settings that keep every sample: the GPS quality filter switched off. */
export const LAX_SETTINGS: RunSettings = {
  ...DEFAULT_SETTINGS,
  gps: { maxAccuracyM: Infinity, minSatellites: 0 },
};

/** A parse context collecting diagnostics into `diagnostics`. */
export function parseContext(
  file: string,
  settings: RunSettings = DEFAULT_SETTINGS,
): ParseContext & { diagnostics: DiagnosticInput[] } {
  const diagnostics: DiagnosticInput[] = [];
  return {
    file,
    settings,
    report: (d) => diagnostics.push(d),
    signal: new AbortController().signal,
    diagnostics,
  };
}

/** A sample session's bytes. */
export function readSession(name: string): Promise<Uint8Array> {
  return Deno.readFile(new URL(name, SESSIONS_DIR));
}

/** A sample session's truth file. */
export async function readTruth(name: string): Promise<Truth> {
  return JSON.parse(await Deno.readTextFile(new URL(`${name}.truth.json`, SESSIONS_DIR)));
}

/** The bounding box of a circuit's line, widened by `marginDeg`. */
export async function trackBounds(
  slug: string,
  marginDeg: number,
): Promise<{ minLat: number; maxLat: number; minLon: number; maxLon: number }> {
  const track: { lat: number[]; lon: number[] } = JSON.parse(
    await Deno.readTextFile(new URL(`${slug}.json`, TRACKS_DIR)),
  );
  return {
    minLat: Math.min(...track.lat) - marginDeg,
    maxLat: Math.max(...track.lat) + marginDeg,
    minLon: Math.min(...track.lon) - marginDeg,
    maxLon: Math.max(...track.lon) + marginDeg,
  };
}

/** Samples the truth's GPS quality events cover (both ends included), i.e. those the default filter drops. */
export function badGpsSamples(truth: Truth): number {
  return truth.gps_quality_events.reduce(
    (sum, e) => sum + Math.round((e.end_time_s - e.start_time_s) * truth.sample_rate_hz) + 1,
    0,
  );
}

/** The first `bytes` of a file as text without a byte-order mark, like the kernel's sniffing head. */
export function headOf(bytes: Uint8Array, length = 4096): string {
  const text = new TextDecoder().decode(bytes.subarray(0, length));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Columns of a RaceChrono CSV sample, read naively (string splitting), for comparing formats. */
export interface ReferenceColumns {
  /** Seconds from the first row. */
  timeS: number[];
  /** Latitude, degrees. */
  latDeg: number[];
  /** Longitude, degrees east. */
  lonDeg: number[];
  /** The GPS speed, m/s. */
  speedMps: number[];
}

/**
 * Reads the RaceChrono export of a sample session the slow, obvious way:
 * the header row names the columns (the first `speed` is the GPS one in
 * these samples), every later line is a row.
 */
export async function readRaceChronoReference(name: string): Promise<ReferenceColumns> {
  const lines = (await Deno.readTextFile(new URL(name, SESSIONS_DIR))).split("\n");
  const headerIndex = lines.findIndex((l) => l.startsWith("timestamp,"));
  const names = lines[headerIndex].split(",");
  const col = (n: string) => names.indexOf(n);
  const out: ReferenceColumns = { timeS: [], latDeg: [], lonDeg: [], speedMps: [] };
  for (const line of lines.slice(headerIndex + 3)) {
    if (line.trim() === "") continue;
    const f = line.split(",");
    out.timeS.push(Number(f[col("timestamp")]));
    out.latDeg.push(Number(f[col("latitude")]));
    out.lonDeg.push(Number(f[col("longitude")]));
    out.speedMps.push(Number(f[col("speed")]));
  }
  const t0 = out.timeS[0];
  out.timeS = out.timeS.map((t) => t - t0);
  return out;
}

/** The largest absolute difference between two equally long series. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
