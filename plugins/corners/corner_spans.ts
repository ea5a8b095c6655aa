/**
 * The stretches of a closed speed trace that hold one corner each. A speed
 * dip is one stretch, unless it spans a change of turn direction (a left
 * then a right): then it is cut there, and each side stays a corner of its
 * own if the driver's speed settles in it. A side whose minimum is only the
 * edge of the cut (the speed still falling into the next bend, or already
 * rising out of the last) joins its neighbour; a side the driver enters
 * still holding the dip's minimum speed stays separate when its bend asks
 * at that speed for at least half the lateral acceleration of the slowest
 * side (the second half of an S taken at one speed).
 *
 * @module
 */

import { HOLD_MPS, type SpeedMinimum } from "./speed_minimum.ts";

/** A stretch of a closed trace, in unwrapped grid indices (`from` may be negative, `to` beyond the lap). */
export interface Span {
  /** First index. */
  from: number;
  /** Last index (inclusive). */
  to: number;
}

/** What {@linkcode cornerSpans} reads of the trace. */
export interface SpanTrace {
  /** Signed curvature (1/m, averaged) at an unwrapped index. */
  curvatureAt: (i: number) => number;
  /** The minimum of a span and where its hold starts. */
  minimumOf: (span: Span) => SpeedMinimum;
  /** |Curvature| beyond this is a bend, 1/m. */
  bendCurvature: number;
  /** A side is settled if its apex lies at least this many points inside it. */
  settlePoints: number;
  /** A side's bend is looked for within this many points of its apex. */
  searchPoints: number;
}

/** A side entered at the dip's minimum speed is its own corner if it needs this share of the slowest side's lateral g. */
const HELD_LATERAL_SHARE = 0.5;

/** The corner stretches of one speed dip spanning `dip`, in order. */
export function cornerSpans(dip: Span, trace: SpanTrace): Span[] {
  return mergeUnsettled(splitAtDirectionChanges(dip, trace), trace);
}

/**
 * Splits a span where the turn direction changes: where the signed
 * curvature, having been beyond the bend threshold one way, goes beyond it
 * the other way; the cut is at the zero crossing.
 */
function splitAtDirectionChanges(span: Span, { curvatureAt, bendCurvature }: SpanTrace): Span[] {
  const parts: Span[] = [];
  let start = span.from, side = 0, lastStrong = span.from;
  for (let i = span.from; i <= span.to; i++) {
    const k = curvatureAt(i);
    if (Math.abs(k) < bendCurvature) continue;
    const sign = Math.sign(k);
    if (side !== 0 && sign !== side) {
      let cut = lastStrong + 1;
      while (cut < i && Math.sign(curvatureAt(cut)) === side) cut++;
      parts.push({ from: start, to: cut });
      start = cut;
    }
    side = sign;
    lastStrong = i;
  }
  parts.push({ from: start, to: span.to });
  return parts;
}

/**
 * Joins each part whose apex lies too close to one of its ends to the
 * neighbour on that side, until every part settles or one is left; a part
 * entered holding the dip's minimum speed through a sharp enough bend stays.
 */
function mergeUnsettled(parts: Span[], trace: SpanTrace): Span[] {
  const { minimumOf, curvatureAt, settlePoints: settle, searchPoints: search } = trace;
  // Lateral acceleration at the minimum speed through the sharpest bend near the apex.
  const lateral = (span: Span) => {
    const { index, speedMps } = minimumOf(span);
    let peak = 0;
    for (let i = Math.max(span.from, index - search); i <= Math.min(span.to, index + search); i++) {
      peak = Math.max(peak, Math.abs(curvatureAt(i)));
    }
    return speedMps ** 2 * peak;
  };
  let slowest = parts[0];
  for (const part of parts) if (minimumOf(part).speedMps < minimumOf(slowest).speedMps) slowest = part;
  const { index: slowestApex, speedMps: lowest } = minimumOf(slowest);
  const slowestLateral = lateral(slowest);
  const holdsFor = (part: Span) =>
    !(part.from <= slowestApex && slowestApex <= part.to) && minimumOf(part).speedMps <= lowest + HOLD_MPS &&
    lateral(part) >= HELD_LATERAL_SHARE * slowestLateral;
  const merged = parts.slice();
  for (let changed = true; changed && merged.length > 1;) {
    changed = false;
    for (let j = 0; j < merged.length && !changed; j++) {
      const apex = minimumOf(merged[j]).index;
      const intoNext = merged[j].to - apex < settle && j + 1 < merged.length;
      const intoPrevious = apex - merged[j].from < settle && j > 0;
      if ((intoNext || intoPrevious) && !holdsFor(merged[j])) {
        const k = intoNext ? j : j - 1;
        merged.splice(k, 2, { from: merged[k].from, to: merged[k + 1].to });
        changed = true;
      }
    }
  }
  return merged;
}
