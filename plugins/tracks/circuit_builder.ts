/**
 * A circuit file made from a session on a circuit the workbench does not
 * know: the reference line is the median of the session's analysis laps (up
 * to {@linkcode MAX_LINE_LAPS} of the fastest) taken at equal shares of each
 * lap's length, so GPS noise averages out and one lap off the line or
 * through a GPS patch does not pull it; point 0 is where the laps start
 * (the logger's start/finish line). The corners the session found become the
 * circuit's corners, numbered 1…N in lap order, named by pace and way
 * (`"Slow Right"`) until the driver names them, and placed where their
 * speed apex (the slowest point, well inside the corner, where its peak
 * curvature may sit at an edge shared with the next corner) projects onto
 * the line, so every later session there gets
 * the same numbers (and leaderboards, trends and circuit notes work). No
 * elevation is written: GPS height is too noisy for gradients, so the
 * physics treats the road as level.
 *
 * @module
 */

import {
  analysisLaps,
  type Corner,
  createLocalProjection,
  createPolyline,
  type DistanceLap,
  distanceLapsOf,
  type Lap,
  median,
} from "../../sdk/mod.ts";
import { parseCircuit } from "./circuits.ts";

/** At most this many of the fastest laps are averaged into the line. */
export const MAX_LINE_LAPS = 10;

/** A circuit as its JSON file holds it (see `README.md`). */
export interface CircuitFile {
  /** Kebab-case id, the file name without `.json`. */
  slug: string;
  /** Display name. */
  name: string;
  /** Length of the line, m. */
  length_m: number;
  /** Where the line comes from. */
  line_source: string;
  /** How many laps the line is drawn from. */
  line_laps_averaged: number;
  /** Line latitudes, degrees. */
  lat: number[];
  /** Line longitudes, degrees. */
  lon: number[];
  /** Corners in lap order. */
  corners: {
    number: number;
    name: string;
    apex_m: number;
    direction: "left" | "right";
    type: null;
    character: "brake" | "lift";
  }[];
}

/** What a circuit is made from: a session's laps, their distance grids and its corners. */
export interface CircuitSource {
  /** The session's laps. */
  laps: readonly Lap[];
  /** The laps on the distance grid. */
  distanceLaps: readonly DistanceLap[];
  /** The session's corners. */
  corners: readonly Corner[];
}

/**
 * `file`, checked as the `match-track` stage will read it; throws when it
 * would refuse it (a bug of whoever made the file, not bad data).
 */
export function validCircuit(file: CircuitFile): CircuitFile {
  const parsed = parseCircuit(JSON.stringify(file), `${file.slug}.json`);
  if (!parsed.ok) throw new Error(`circuit ${file.slug} is invalid: ${parsed.message}`);
  return file;
}

/** Why a session cannot give a circuit. */
export class CircuitSourceError extends Error {}

/** The kebab-case slug of a circuit name (`"Thunderhill East"` → `"thunderhill-east"`); "" when none is left. */
export function circuitSlug(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
}

/**
 * Builds the circuit file of `name` from a session. Throws
 * {@linkcode CircuitSourceError} when the session has no complete lap with
 * positions on the distance grid.
 */
export function buildCircuit(name: string, slug: string, source: CircuitSource): CircuitFile {
  const laps = analysisLaps(source.laps).sort((a, b) => a.timeS! - b.timeS!).slice(0, MAX_LINE_LAPS);
  const grids = distanceLapsOf(laps, source.distanceLaps).filter((d) =>
    d.points > 10 && d.channels.latDeg && d.channels.lonDeg
  );
  if (grids.length === 0) {
    throw new CircuitSourceError(
      "the session has no complete flying lap with GPS positions to draw the circuit from",
    );
  }
  const line = medianLine(grids);
  const polyline = createPolyline(line.x, line.y, { closed: true });
  const corners = placeCorners(source.corners, grids[0], line.projection, polyline);
  return validCircuit({
    slug,
    name,
    length_m: round(polyline.lengthM, 1),
    line_source: "averaged-gps-laps",
    line_laps_averaged: grids.length,
    lat: Array.from(line.y, (y) => round(line.projection.toLatDeg(y), 7)),
    lon: Array.from(line.x, (x) => round(line.projection.toLonDeg(x), 7)),
    corners,
  });
}

/**
 * The laps' line in local metres around the fastest lap's start, one point
 * per grid step of the mean length: at each share of the lap, the median
 * of the laps' positions (east and north apart), so one lap off the line or
 * through a GPS patch does not pull it.
 */
function medianLine(grids: readonly DistanceLap[]) {
  const first = grids[0];
  const projection = createLocalProjection(first.channels.latDeg[0], first.channels.lonDeg[0]);
  const projected = grids.map((g) => projection.projectArrays(g.channels.latDeg, g.channels.lonDeg));
  const lengths = grids.map((g) => (g.points - 1) * g.stepM);
  const meanLength = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const points = Math.max(10, Math.round(meanLength / first.stepM));
  const x = new Float64Array(points), y = new Float64Array(points);
  const xs = new Float64Array(grids.length), ys = new Float64Array(grids.length);
  for (let k = 0; k < points; k++) {
    const share = k / points;
    for (let j = 0; j < grids.length; j++) {
      const at = (share * lengths[j]) / grids[j].stepM;
      const i = Math.min(Math.floor(at), grids[j].points - 2);
      const t = at - i;
      xs[j] = projected[j].x[i] + t * (projected[j].x[i + 1] - projected[j].x[i]);
      ys[j] = projected[j].y[i] + t * (projected[j].y[i + 1] - projected[j].y[i]);
    }
    x[k] = median(xs);
    y[k] = median(ys);
  }
  return { x, y, projection };
}

/**
 * The session's corners on the line: each speed apex, taken from the
 * fastest lap's positions, projected onto the line; numbered in lap order.
 * Two corners whose apexes land within a metre are one.
 */
function placeCorners(
  corners: readonly Corner[],
  fastest: DistanceLap,
  projection: ReturnType<typeof createLocalProjection>,
  line: ReturnType<typeof createPolyline>,
): CircuitFile["corners"] {
  const lapM = (fastest.points - 1) * fastest.stepM;
  const placed = corners.flatMap((corner) => {
    const apexM = ((corner.apexM % lapM) + lapM) % lapM;
    const i = Math.min(fastest.points - 1, Math.round(apexM / fastest.stepM));
    const { x, y } = projection.project(fastest.channels.latDeg[i], fastest.channels.lonDeg[i]);
    const hit = line.nearest(x, y);
    return hit ? [{ corner, stationM: hit.stationM, apexKmh: fastest.channels.speedMps[i] * 3.6 }] : [];
  }).sort((a, b) => a.stationM - b.stationM)
    .filter((p, i, all) => i === 0 || p.stationM - all[i - 1].stationM > 1);
  return placed.map(({ corner, stationM, apexKmh }, i) => ({
    number: i + 1,
    name: describeCorner(corner, apexKmh),
    apex_m: round(stationM, 1),
    direction: corner.direction,
    type: null,
    character: corner.braking ? "brake" : "lift",
  }));
}

/** Below this apex speed a corner is slow, km/h. */
const SLOW_KMH = 90;
/** From this apex speed on a corner is fast, km/h. */
const FAST_KMH = 140;

/**
 * A name until the driver gives one: how fast and which way, and `Kink`
 * when the driver does not brake (`"Slow Right"`, `"Fast Left Kink"`).
 */
function describeCorner(corner: Corner, apexKmh: number): string {
  const pace = apexKmh < SLOW_KMH ? "Slow" : apexKmh < FAST_KMH ? "Medium" : "Fast";
  const way = corner.direction === "left" ? "Left" : "Right";
  return `${pace} ${way}${corner.braking ? "" : " Kink"}`;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * `file` with its start/finish moved to the line point nearest to
 * (`latDeg`, `lonDeg`): the line starts there, and every corner keeps its
 * number, name and place on the ground (its `apex_m` now counts from the
 * new line), listed in lap order from it.
 */
export function withStartAt(file: CircuitFile, latDeg: number, lonDeg: number): CircuitFile {
  const projection = createLocalProjection(file.lat[0], file.lon[0]);
  const line = projection.projectArrays(Float64Array.from(file.lat), Float64Array.from(file.lon));
  const polyline = createPolyline(line.x, line.y, { closed: true });
  const { x, y } = projection.project(latDeg, lonDeg);
  const hit = polyline.nearest(x, y)!;
  const start = (hit.t < 0.5 ? hit.segment : hit.segment + 1) % file.lat.length;
  const startM = polyline.stationM[start];
  const rotate = <T>(values: T[]) => [...values.slice(start), ...values.slice(0, start)];
  const corners = file.corners
    .map((c) => ({ ...c, apex_m: round((c.apex_m - startM + polyline.lengthM) % polyline.lengthM, 1) }))
    .sort((a, b) => a.apex_m - b.apex_m);
  return validCircuit({ ...file, lat: rotate(file.lat), lon: rotate(file.lon), corners });
}
