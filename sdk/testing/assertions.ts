/**
 * Assertions for format tests: a parsed session against its truth, and two
 * readings of one session against each other.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { Session } from "../mod.ts";
import { trackBounds } from "./samples.ts";
import type { Truth } from "./truth.ts";

/** A car on a circuit goes faster than this at some point, m/s (catches m/s read as km/h). */
const MIN_TOP_SPEED_MPS = 25;
/** And never faster than this, m/s (catches km/h read as m/s). */
const MAX_SPEED_MPS = 90;

/**
 * Asserts that a session parsed with every sample kept (no GPS filter)
 * agrees with its truth: every row, the first data line, the sample period,
 * the start time (within 10 ms), the circuit name, every position within
 * 0.005° of the circuit, and speeds of a car on a circuit.
 */
export async function assertMatchesTruth(session: Session, truth: Truth): Promise<void> {
  const { timeS, latDeg, lonDeg, speedMps } = session.channels;
  assert.equal(session.rows, truth.rows, "rows");
  assert.equal(session.sourceLine[0], truth.first_data_line, "first data line");
  assert.equal(timeS[0], 0);
  assert.equal(timeS[1], 1 / truth.sample_rate_hz, "sample period");
  assert.ok(Math.abs(session.startUnixS! - truth.session_start_unix) <= 0.01, `start ${session.startUnixS}`);
  assert.equal(session.trackNameHint, truth.track.name);
  const box = await trackBounds(truth.track.slug, 0.005);
  let topSpeed = 0;
  for (let i = 0; i < session.rows; i++) {
    assert.ok(latDeg[i] > box.minLat && latDeg[i] < box.maxLat, `latitude ${latDeg[i]} at row ${i}`);
    assert.ok(lonDeg[i] > box.minLon && lonDeg[i] < box.maxLon, `longitude ${lonDeg[i]} at row ${i}`);
    assert.ok(speedMps[i] >= 0 && speedMps[i] < MAX_SPEED_MPS, `speed ${speedMps[i]} m/s at row ${i}`);
    topSpeed = Math.max(topSpeed, speedMps[i]);
  }
  assert.ok(topSpeed > MIN_TOP_SPEED_MPS, `top speed ${topSpeed} m/s`);
}

/** Largest allowed difference per channel, in the channel's unit. */
export type ChannelTolerance = Partial<Record<"timeS" | "latDeg" | "lonDeg" | "speedMps", number>>;

/**
 * Asserts that two sessions hold the same samples: as many rows, and in each
 * channel of `tolerance` no value further from the other than allowed (a
 * file's rounding decides how far).
 *
 * @example
 * ```ts ignore
 * const reference = await readReferenceSession("barber-8laps.csv");
 * assertSameSamples(session, reference.session, { timeS: 1e-6, latDeg: 6e-8, lonDeg: 6e-8, speedMps: 0.002 });
 * ```
 */
export function assertSameSamples(actual: Session, expected: Session, tolerance: ChannelTolerance): void {
  assert.equal(actual.rows, expected.rows, "row count");
  for (const [channel, allowed] of Object.entries(tolerance)) {
    const a = actual.channels[channel]!, b = expected.channels[channel]!;
    let max = 0;
    for (let i = 0; i < actual.rows; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
    assert.ok(max < allowed, `${channel} differs by up to ${max} (allowed: under ${allowed})`);
  }
}
