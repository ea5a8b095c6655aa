/**
 * Names and official turn numbers for detected corners on a known circuit.
 * Each official apex (a station on the circuit's reference line) is turned
 * into a position and projected onto the session's own driven line, so a
 * different driven length or a start line a few metres off cannot shift it
 * (the original placed official corners at a fraction of the lap length).
 *
 * @module
 */

import {
  type Corner,
  createLocalProjection,
  createPolyline,
  type DistanceLap,
  type OfficialCorner,
  type TrackMatch,
} from "../../sdk/mod.ts";

/** An official apex within this distance of a corner's entry..exit belongs to it, m. */
export const OFFICIAL_MARGIN_M = 25;
/** An official apex is looked for within this fraction of the lap around its expected place. */
const SEARCH_FRACTION = 0.1;

/** An official corner placed on the session's grid. */
export interface PlacedOfficialCorner {
  /** The circuit's corner. */
  official: OfficialCorner;
  /** Its apex, m from the line along the session's driven line. */
  apexM: number;
}

/**
 * Places every official corner of the matched circuit on `lap` (the
 * session's reference positions): the grid point nearest to the official
 * apex, looked for around the place its share of the lap suggests.
 */
export function placeOfficialCorners(match: TrackMatch, lap: DistanceLap): PlacedOfficialCorner[] {
  const { track } = match;
  const { latDeg, lonDeg } = lap.channels;
  if (!latDeg || !lonDeg || track.corners.length === 0 || lap.points < 2) return [];
  const projection = createLocalProjection(track.latDeg[0], track.lonDeg[0]);
  const line = projection.projectArrays(track.latDeg, track.lonDeg);
  const referenceLine = createPolyline(line.x, line.y, { closed: true });
  const driven = projection.projectArrays(latDeg, lonDeg);
  const lapM = (lap.points - 1) * lap.stepM;
  const window = Math.ceil((SEARCH_FRACTION * lapM) / lap.stepM);
  return track.corners.map((official) => {
    const share = official.apexM / referenceLine.lengthM;
    const { x, y } = referenceLine.pointAt(official.apexM);
    const expected = Math.round((share * lapM) / lap.stepM);
    let nearest = -1, nearestD2 = Infinity;
    for (let k = expected - window; k <= expected + window; k++) {
      const i = ((k % lap.points) + lap.points) % lap.points;
      const dx = driven.x[i] - x, dy = driven.y[i] - y;
      const d2 = dx * dx + dy * dy;
      if (d2 < nearestD2) {
        nearestD2 = d2;
        nearest = i;
      }
    }
    return { official, apexM: nearest >= 0 ? nearest * lap.stepM : share * lapM };
  });
}

/**
 * The corners with their official numbers, labels (`"T5"`, `"T2-4"`; `"C3"`
 * when no official corner falls inside) and names. `lapM` is the lap's
 * length, for corners near the line.
 */
export function nameCorners(
  corners: readonly Corner[],
  placed: readonly PlacedOfficialCorner[],
  lapM: number,
): Corner[] {
  return corners.map((corner) => {
    const inside = placed.filter(({ apexM }) =>
      [apexM - lapM, apexM, apexM + lapM].some((m) =>
        m >= corner.entryM - OFFICIAL_MARGIN_M && m <= corner.exitM + OFFICIAL_MARGIN_M
      )
    );
    const numbers = inside.map((p) => p.official.number);
    return {
      ...corner,
      officialNumbers: numbers,
      label: numbers.length > 0 ? turnLabel(numbers) : `C${corner.number}`,
      name: inside.length > 0 ? inside.map((p) => p.official.name).join(" / ") : null,
    };
  });
}

/** `"T5"` for one turn, `"T2-4"` for a run of turns, `"T5/7"` otherwise. */
function turnLabel(numbers: readonly number[]): string {
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  if (numbers.length === 1) return `T${numbers[0]}`;
  return consecutive ? `T${numbers[0]}-${numbers[numbers.length - 1]}` : `T${numbers.join("/")}`;
}
