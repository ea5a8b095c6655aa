/**
 * Test helper: sessions moved or reversed from a sample, for traces that
 * lie on no circuit or drive one backwards.
 *
 * @module
 */

import type { Session } from "../../sdk/mod.ts";

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
