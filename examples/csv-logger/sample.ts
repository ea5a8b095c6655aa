/**
 * Writes a session's time, position and speed as a simple CSV file (the
 * format of `format.ts`), so tests can make one from any shared sample.
 *
 * @module
 */

import type { Session } from "../../sdk/mod.ts";
import { CSV_HEADER } from "./format.ts";

/** The session as `time,lat,lon,speed` text: seconds to 1 ms, degrees to 1e-7, km/h to 0.001. */
export function toSimpleCsv(session: Session): string {
  const { timeS, latDeg, lonDeg, speedMps } = session.channels;
  const rows = [CSV_HEADER];
  for (let i = 0; i < session.rows; i++) {
    rows.push(
      `${timeS[i].toFixed(3)},${latDeg[i].toFixed(7)},${lonDeg[i].toFixed(7)},${
        (speedMps[i] * 3.6).toFixed(3)
      }`,
    );
  }
  return rows.join("\n") + "\n";
}
