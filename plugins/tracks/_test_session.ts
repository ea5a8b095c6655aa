/**
 * Test helper: a minimal {@linkcode Session} (time, position, speed) read
 * from a simulated logger file and its truth, without the format plugins.
 *
 * @module
 */

import type { Session } from "../../sdk/mod.ts";

/** The parts of a `synth-session` truth file the tests use. */
export interface SessionTruth {
  format: "racechrono" | "vbox" | "aim";
  track: { slug: string; name: string; length_m: number };
  first_data_line: number;
}

/** `shared/` beside the repository, as on developer machines and CI. */
export const SHARED_DIR = new URL("../../../shared/", import.meta.url);

/** Whether a path exists. */
export async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch {
    return false;
  }
}

/** Reads a logger file and its `.truth.json` into a session of the four required channels. */
export async function readTestSession(path: URL): Promise<{ session: Session; truth: SessionTruth }> {
  const truth: SessionTruth = JSON.parse(await Deno.readTextFile(new URL(path.href + ".truth.json")));
  const lines = (await Deno.readTextFile(path)).replace(/^\uFEFF/, "").split(/\r?\n/);
  const file = path.pathname.split("/").pop()!;
  const t: number[] = [], lat: number[] = [], lon: number[] = [], v: number[] = [], src: number[] = [];
  const keep = (line: number, timeS: number, latDeg: number, lonDeg: number, speedMps: number) => {
    if (![timeS, latDeg, lonDeg, speedMps].every(Number.isFinite)) return;
    if (t.length > 0 && timeS <= t[t.length - 1]) return;
    t.push(timeS), lat.push(latDeg), lon.push(lonDeg), v.push(speedMps), src.push(line);
  };
  const num = (
    s: string | undefined,
  ) => (s === undefined || s.trim() === "" ? NaN : Number(s.replaceAll('"', "")));

  if (truth.format === "racechrono") {
    const header = lines[9].split(",");
    const col = (name: string) => header.indexOf(name);
    const [ct, cla, clo, cv] = [col("timestamp"), col("latitude"), col("longitude"), col("speed")];
    for (let i = truth.first_data_line - 1; i < lines.length; i++) {
      const f = lines[i].split(",");
      keep(i + 1, num(f[ct]), num(f[cla]), num(f[clo]), num(f[cv]));
    }
  } else if (truth.format === "vbox") {
    const header = lines[lines.indexOf("[column names]") + 1].trim().split(/\s+/);
    const col = (name: string) => header.indexOf(name);
    const [ct, cla, clo, cv] = [col("time"), col("lat"), col("long"), col("velocity")];
    for (let i = truth.first_data_line - 1; i < lines.length; i++) {
      const f = lines[i].trim().split(/\s+/);
      const hhmmss = f[ct] ?? "";
      const timeS = num(hhmmss.slice(0, 2)) * 3600 + num(hhmmss.slice(2, 4)) * 60 + num(hhmmss.slice(4));
      keep(i + 1, timeS, num(f[cla]) / 60, -num(f[clo]) / 60, num(f[cv]) / 3.6);
    }
  } else {
    const headerIndex = lines.findIndex((l) => l.startsWith('"Time",') && l.includes('"GPS Latitude"'));
    const header = lines[headerIndex].split(",").map((h) => h.replaceAll('"', ""));
    const col = (name: string) => header.indexOf(name);
    const [ct, cla, clo, cv] = [col("Time"), col("GPS Latitude"), col("GPS Longitude"), col("GPS Speed")];
    for (let i = truth.first_data_line - 1; i < lines.length; i++) {
      const f = lines[i].split(",");
      keep(i + 1, num(f[ct]), num(f[cla]), num(f[clo]), num(f[cv]) / 3.6);
    }
  }
  const t0 = t[0] ?? 0;
  return {
    truth,
    session: {
      file,
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

/** A copy of a session with every position moved by the given offsets, degrees. */
export function shiftedSession(session: Session, dLatDeg: number, dLonDeg: number): Session {
  const { channels } = session;
  return {
    ...session,
    channels: {
      ...channels,
      latDeg: channels.latDeg.map((x) => x + dLatDeg),
      lonDeg: channels.lonDeg.map((x) => x + dLonDeg),
    },
  };
}

/** A copy of a session driven backwards in time order (the same trace, reversed). */
export function reversedSession(session: Session): Session {
  const { channels } = session;
  const end = channels.timeS[session.rows - 1];
  return {
    ...session,
    channels: {
      timeS: channels.timeS.map((_, i) => end - channels.timeS[session.rows - 1 - i]),
      latDeg: channels.latDeg.slice().reverse(),
      lonDeg: channels.lonDeg.slice().reverse(),
      speedMps: channels.speedMps.slice().reverse(),
    },
  };
}

/**
 * Runs `shared/tools/synth-session` into a temporary folder and reads the
 * result; `null` when the tool (or python3) is not there.
 */
export async function synthesizeSession(args: string[], fileName: string): Promise<Session | null> {
  const tool = new URL("tools/synth-session", SHARED_DIR);
  if (!(await exists(tool))) return null;
  const dir = await Deno.makeTempDir({ prefix: "tracks-test-" });
  try {
    const out = `${dir}/${fileName}`;
    const result = await new Deno.Command(tool, {
      args: [...args, "--out", out],
      stdout: "null",
      stderr: "piped",
    })
      .output();
    if (!result.success) throw new Error(`synth-session failed: ${new TextDecoder().decode(result.stderr)}`);
    return (await readTestSession(new URL(`file://${out}`))).session;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
