/**
 * The circuit catalogue: one JSON file per circuit in `circuits/`, validated
 * and converted to the SDK's {@linkcode Track}. Adding a circuit is adding a
 * file there (see `README.md`).
 *
 * @module
 */

import { type BankedSection, createLocalProjection, type OfficialCorner, type Track } from "../../sdk/mod.ts";

/** The folder the built-in circuit files live in. */
export function defaultCircuitsDir(): URL {
  return new URL("./circuits/", import.meta.url);
}

/** A circuit file that could not be loaded, and why. */
export interface CircuitProblem {
  /** File name, e.g. `"barber-motorsports-park.json"`. */
  file: string;
  /** What is wrong, naming the field. */
  message: string;
}

/** The circuits of a folder: every valid file, and a problem for every other one. */
export interface CircuitCatalog {
  /** Valid circuits, sorted by slug. */
  tracks: Track[];
  /** Files skipped, one entry each. */
  problems: CircuitProblem[];
}

/** One line of a circuit list, for the CLI and plugin pages. */
export interface CircuitSummary {
  /** Stable id, the file name without `.json`. */
  slug: string;
  /** Display name. */
  name: string;
  /** Length of the reference line, m. */
  lengthM: number;
  /** Where the reference line comes from. */
  lineSource: string;
  /** Number of official corners. */
  cornerCount: number;
}

/** Result of {@linkcode parseCircuit}: a track, or the reason there is none. */
export type ParsedCircuit = { ok: true; track: Track } | { ok: false; message: string };

/** Fewest line points a circuit file may have. */
const MIN_LINE_POINTS = 10;
/** Steepest banking a circuit file may give, degrees either way. */
const MAX_BANKING_DEG = 30;

/**
 * Loads every `*.json` circuit file of a folder (default: the plugin's own
 * `circuits/`). A malformed file is reported in `problems` and does not stop
 * the others. Nothing is cached: callers that run often keep the catalogue.
 */
export function loadCircuits(dir: URL = defaultCircuitsDir()): Promise<CircuitCatalog> {
  return Promise.resolve(loadCircuitsSync(dir));
}

let builtIn: Promise<CircuitCatalog> | null = null;

/** The plugin's own circuits, read once per process (for routes and hooks; stages keep their own). */
export function builtInCatalog(): Promise<CircuitCatalog> {
  return builtIn ??= loadCircuits();
}

/** {@linkcode loadCircuits}, synchronously. */
function loadCircuitsSync(dir: URL = defaultCircuitsDir()): CircuitCatalog {
  const problems: CircuitProblem[] = [];
  const files: string[] = [];
  try {
    // Synchronous reads: seven small files load faster without the async round trips.
    for (const entry of Deno.readDirSync(dir)) {
      if (entry.isFile && entry.name.endsWith(".json") && !entry.name.startsWith(".")) files.push(entry.name);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      tracks: [],
      problems: [{ file: dir.pathname, message: `circuit folder not readable: ${reason}` }],
    };
  }
  files.sort();
  const parsed = files.map((file): ParsedCircuit => {
    try {
      return parseCircuit(Deno.readTextFileSync(new URL(file, dir)), file);
    } catch (error) {
      return { ok: false, message: `not readable: ${error instanceof Error ? error.message : error}` };
    }
  });
  const tracks: Track[] = [];
  const seen = new Set<string>();
  parsed.forEach((result, i) => {
    if (!result.ok) problems.push({ file: files[i], message: result.message });
    else if (seen.has(result.track.slug)) {
      problems.push({ file: files[i], message: `slug "${result.track.slug}" is used by another file` });
    } else {
      seen.add(result.track.slug);
      tracks.push(result.track);
    }
  });
  tracks.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { tracks, problems };
}

/** Slug, name and length of every loadable circuit, sorted by slug. */
export async function listCircuits(dir: URL = defaultCircuitsDir()): Promise<CircuitSummary[]> {
  const { tracks } = await loadCircuits(dir);
  return tracks.map((t) => ({
    slug: t.slug,
    name: t.name,
    lengthM: t.lengthM,
    lineSource: t.lineSource,
    cornerCount: t.corners.length,
  }));
}

/** Thrown inside {@linkcode parseCircuit} only; turned into its `message`. */
class FieldError extends Error {}

/**
 * Validates the text of one circuit file and converts it to a
 * {@linkcode Track}. `file` is the file's name: the slug must equal it
 * without `.json`. Never throws for bad data.
 */
export function parseCircuit(text: string, file: string): ParsedCircuit {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : error}` };
  }
  try {
    return { ok: true, track: toTrack(raw, file.replace(/\.json$/, "")) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, message: error.message };
    throw error;
  }
}

function toTrack(raw: unknown, expectedSlug: string): Track {
  const doc = record(raw, "the file");
  const slug = text(doc, "slug");
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail("slug", "must be kebab-case (a-z, 0-9, dashes)", slug);
  if (slug !== expectedSlug) fail("slug", `must equal the file name "${expectedSlug}"`, slug);
  const lengthM = num(doc.length_m, "length_m");
  if (!(lengthM > 0)) fail("length_m", "must be positive", lengthM);
  const latDeg = numbers(doc.lat, "lat", -90, 90);
  const lonDeg = numbers(doc.lon, "lon", -180, 180);
  if (latDeg.length < MIN_LINE_POINTS) {
    fail("lat", `must hold at least ${MIN_LINE_POINTS} points`, latDeg.length);
  }
  if (lonDeg.length !== latDeg.length) {
    fail("lon", `must have as many points as "lat" (${latDeg.length})`, lonDeg.length);
  }
  let elevationM: Float64Array | null = null;
  if (doc.elevation_m !== undefined && doc.elevation_m !== null) {
    elevationM = numbers(doc.elevation_m, "elevation_m", -1000, 10000);
    if (elevationM.length !== latDeg.length) {
      fail("elevation_m", `must have as many points as "lat" (${latDeg.length})`, elevationM.length);
    }
  }
  const lineM = lineLengthM(latDeg, lonDeg);
  if (Math.abs(lineM - lengthM) > 0.02 * lineM) {
    fail("length_m", `must be within 2 % of the line's own length (${lineM.toFixed(1)} m)`, lengthM);
  }
  if (!Array.isArray(doc.corners)) fail("corners", "must be an array", doc.corners);
  const corners = (doc.corners as unknown[]).map((c, i) => toCorner(c, `corners[${i}]`, lengthM));
  corners.forEach((c, i) => {
    if (i > 0 && c.apexM <= corners[i - 1].apexM) {
      fail(
        `corners[${i}].apex_m`,
        `must be greater than the previous corner's (${corners[i - 1].apexM})`,
        c.apexM,
      );
    }
  });
  return {
    slug,
    name: text(doc, "name"),
    lengthM,
    lineSource: text(doc, "line_source"),
    latDeg,
    lonDeg,
    elevationM,
    corners,
    banking: toBanking(doc.banking, lengthM),
  };
}

/** The optional `banking` list: sections in lap order, not overlapping, on the line. */
function toBanking(raw: unknown, lengthM: number): BankedSection[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) fail("banking", "must be an array", raw);
  let previousEnd = 0;
  return (raw as unknown[]).map((item, i) => {
    const path = `banking[${i}]`;
    const b = record(item, path);
    const fromM = num(b.from_m, `${path}.from_m`), toM = num(b.to_m, `${path}.to_m`);
    const deg = num(b.deg, `${path}.deg`);
    if (!(fromM >= previousEnd)) {
      fail(`${path}.from_m`, `must be at least the previous section's end (${previousEnd})`, fromM);
    }
    if (!(toM > fromM && toM <= lengthM)) {
      fail(`${path}.to_m`, `must lie after from_m and on the line (..${lengthM} m)`, toM);
    }
    if (Math.abs(deg) > MAX_BANKING_DEG) fail(`${path}.deg`, `must be within ±${MAX_BANKING_DEG}°`, deg);
    previousEnd = toM;
    return { fromM, toM, deg };
  });
}

function toCorner(raw: unknown, path: string, lengthM: number): OfficialCorner {
  const c = record(raw, path);
  const number = num(c.number, `${path}.number`);
  if (!Number.isInteger(number) || number < 1) fail(`${path}.number`, "must be a positive integer", number);
  const apexM = num(c.apex_m, `${path}.apex_m`);
  if (apexM < 0 || apexM > lengthM) fail(`${path}.apex_m`, `must lie on the line (0..${lengthM} m)`, apexM);
  const direction = c.direction ?? null;
  if (direction !== null && direction !== "left" && direction !== "right") {
    fail(`${path}.direction`, `must be "left", "right" or null`, direction);
  }
  return {
    number,
    name: text(c, "name", path),
    apexM,
    direction,
    type: optionalText(c.type, `${path}.type`),
    character: optionalText(c.character, `${path}.character`),
  };
}

/** Length of a lat/lon line in local metres around its first point, m. */
function lineLengthM(latDeg: Float64Array, lonDeg: Float64Array): number {
  const { mPerDegLat, mPerDegLon } = createLocalProjection(latDeg[0], lonDeg[0]);
  let sum = 0;
  for (let i = 1; i < latDeg.length; i++) {
    const dy = (latDeg[i] - latDeg[i - 1]) * mPerDegLat;
    const dx = (lonDeg[i] - lonDeg[i - 1]) * mPerDegLon;
    sum += Math.sqrt(dx * dx + dy * dy);
  }
  return sum;
}

function fail(field: string, rule: string, got: unknown): never {
  const shown = typeof got === "string" ? `"${got}"` : Array.isArray(got) ? "an array" : String(got);
  throw new FieldError(
    `field "${field}" ${rule}; got ${shown.length > 60 ? shown.slice(0, 60) + "…" : shown}`,
  );
}

function record(raw: unknown, what: string): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(what, "must be a JSON object", raw);
  return raw as Record<string, unknown>;
}

function text(doc: Record<string, unknown>, key: string, path?: string): string {
  const value = doc[key];
  const field = path ? `${path}.${key}` : key;
  if (typeof value !== "string" || value.trim() === "") fail(field, "must be a non-empty string", value);
  return value as string;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") fail(field, "must be a string or null", value);
  return value as string;
}

function num(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(field, "must be a finite number", value);
  return value as number;
}

function numbers(value: unknown, field: string, min: number, max: number): Float64Array {
  if (!Array.isArray(value)) fail(field, "must be an array of numbers", value);
  const list = value as unknown[];
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
      fail(`${field}[${i}]`, `must be a number in ${min}..${max}`, v);
    }
    out[i] = v as number;
  }
  return out;
}
