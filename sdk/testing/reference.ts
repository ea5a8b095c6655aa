/**
 * A simulated session read the slow, obvious way (string splitting, no
 * format plugin): a reference to compare a format's output with, and a
 * {@linkcode Session} for testing stages without the format plugins.
 *
 * @module
 */

import type { Session } from "../mod.ts";
import { readTruth, sessionUrl } from "./samples.ts";
import type { Truth } from "./truth.ts";

/** A session of the four required channels, and its truth. */
export interface ReferenceSession {
  /** Time from the first kept row, position and speed; `sourceLine` per row; no lap markers. */
  session: Session;
  /** The truth file beside it. */
  truth: Truth;
}

/**
 * Reads a `synth-session` file (any of its formats, see {@linkcode sessionUrl}
 * for `file`) into time, latitude, longitude and GPS speed, keeping the rows
 * where all four are numbers and time increases. No GPS quality filter.
 */
export async function readReferenceSession(file: string | URL): Promise<ReferenceSession> {
  const url = sessionUrl(file);
  const truth = await readTruth(url);
  const lines = (await Deno.readTextFile(url)).replace(/^\uFEFF/, "").split(/\r?\n/);
  const t: number[] = [], lat: number[] = [], lon: number[] = [], v: number[] = [], src: number[] = [];
  const keep = (line: number, timeS: number, latDeg: number, lonDeg: number, speedMps: number) => {
    if (![timeS, latDeg, lonDeg, speedMps].every(Number.isFinite)) return;
    if (t.length > 0 && timeS <= t[t.length - 1]) return;
    t.push(timeS), lat.push(latDeg), lon.push(lonDeg), v.push(speedMps), src.push(line);
  };
  const num = (
    s: string | undefined,
  ) => (s === undefined || s.trim() === "" ? NaN : Number(s.replaceAll('"', "")));
  const first = truth.first_data_line - 1;

  if (truth.format === "racechrono") {
    const header = lines.find((l) => l.startsWith("timestamp,"))!.split(",");
    // The first `speed` column is the GPS one.
    const [ct, cla, clo, cv] = ["timestamp", "latitude", "longitude", "speed"].map((n) => header.indexOf(n));
    for (let i = first; i < lines.length; i++) {
      const f = lines[i].split(",");
      keep(i + 1, num(f[ct]), num(f[cla]), num(f[clo]), num(f[cv]));
    }
  } else if (truth.format === "vbox") {
    const header = lines[lines.indexOf("[column names]") + 1].trim().split(/\s+/);
    const [ct, cla, clo, cv] = ["time", "lat", "long", "velocity"].map((n) => header.indexOf(n));
    for (let i = first; i < lines.length; i++) {
      const f = lines[i].trim().split(/\s+/);
      const hhmmss = f[ct] ?? "";
      const timeS = num(hhmmss.slice(0, 2)) * 3600 + num(hhmmss.slice(2, 4)) * 60 + num(hhmmss.slice(4));
      // Minutes, longitude positive west; km/h.
      keep(i + 1, timeS, num(f[cla]) / 60, -num(f[clo]) / 60, num(f[cv]) / 3.6);
    }
  } else {
    const header = lines.find((l) => l.startsWith('"Time",') && l.includes('"GPS Latitude"'))!
      .split(",").map((h) => h.replaceAll('"', ""));
    const [ct, cla, clo, cv] = ["Time", "GPS Latitude", "GPS Longitude", "GPS Speed"].map((n) =>
      header.indexOf(n)
    );
    for (let i = first; i < lines.length; i++) {
      const f = lines[i].split(",");
      keep(i + 1, num(f[ct]), num(f[cla]), num(f[clo]), num(f[cv]) / 3.6);
    }
  }
  const t0 = t[0] ?? 0;
  return {
    truth,
    session: {
      file: url.pathname.split("/").pop()!,
      format: truth.format,
      rows: t.length,
      channels: {
        timeS: Float64Array.from(t, (x) => x - t0),
        latDeg: Float64Array.from(lat),
        lonDeg: Float64Array.from(lon),
        speedMps: Float64Array.from(v),
      },
      sourceLine: Int32Array.from(src),
      startUnixS: null,
      trackNameHint: null,
      lapMarkers: [],
      metadata: {},
    },
  };
}
