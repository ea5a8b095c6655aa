/**
 * The `match-track` stage: which known circuit the session was driven on,
 * judged by the shape of the GPS trace against each circuit's reference line.
 *
 * @module
 */

import {
  defineStage,
  type Reporter,
  type Session,
  SessionKey,
  type Track,
  TrackKey,
  type TrackMatch,
} from "../../sdk/mod.ts";
import { catalogWithAdded } from "./added_circuits.ts";
import { type CircuitCatalog, loadCircuits, type ParsedCircuit } from "./circuits.ts";
import {
  boundingBoxGapM,
  type LineFit,
  measureLineFit,
  type MovingTrace,
  sampleMovingTrace,
} from "./line_fit.ts";

/** A circuit matches only if at least this fraction of the trace lies on its line. */
export const FIT_MIN = 0.8;
/** A circuit matches only if the trace drove at least this fraction of its line. */
export const COVERAGE_MIN = 0.8;
/** Circuits whose line is farther than this from the trace's bounding box are not scored, m. */
export const PREFILTER_M = 3000;
/** Fewest moving samples needed to judge a trace. */
export const MIN_TRACE_SAMPLES = 30;

/** One circuit scored against a session. */
export interface CircuitScore extends LineFit {
  /** The circuit. */
  track: Track;
  /** `fit × coverage`, the ranking key. */
  score: number;
}

/**
 * Scores every circuit near the session's trace, best first. Circuits beyond
 * {@linkcode PREFILTER_M} of the trace are left out.
 */
export function scoreCircuits(trace: MovingTrace, tracks: readonly Track[]): CircuitScore[] {
  const scores: CircuitScore[] = [];
  for (const track of tracks) {
    if (boundingBoxGapM(track, trace) > PREFILTER_M) continue;
    const fit = measureLineFit(track, trace);
    scores.push({ track, ...fit, score: fit.fit * fit.coverage });
  }
  return scores.sort((a, b) => b.score - a.score || a.track.slug.localeCompare(b.track.slug));
}

const describe = (s: CircuitScore) =>
  `${s.track.name} fit ${s.fit.toFixed(2)} coverage ${s.coverage.toFixed(2)}`;

/**
 * Matches a session to a circuit of the catalogue, or to the one `trackSlug`
 * names. Reports why when there is no match; never throws for bad data.
 */
export function matchTrack(
  session: Session,
  catalog: CircuitCatalog,
  trackSlug: string | null,
  report: Reporter,
): TrackMatch | null {
  for (const problem of catalog.problems) {
    report({
      severity: "warning",
      code: "circuit_file_invalid",
      file: problem.file,
      message: `circuit file skipped: ${problem.message}`,
    });
  }
  const trace = sampleMovingTrace(session);
  const file = session.file;

  if (trackSlug !== null) {
    const forced = catalog.tracks.find((t) => t.slug === trackSlug);
    if (forced) {
      const fit = trace.rows.length > 0 ? measureLineFit(forced, trace) : null;
      if (fit && trace.rows.length >= MIN_TRACE_SAMPLES && fit.fit < FIT_MIN) {
        report({
          severity: "warning",
          code: "track_override_mismatch",
          file,
          message: `the session's GPS trace does not follow ${forced.name} (fit ${fit.fit.toFixed(2)}, ` +
            `coverage ${fit.coverage.toFixed(2)}); check the track setting`,
        });
      }
      return { track: forced, method: "override", fit: fit?.fit ?? 0, coverage: fit?.coverage ?? 0 };
    }
    const known = catalog.tracks.map((t) => t.slug).join(", ") || "none";
    report({
      severity: "error",
      code: "track_unknown_slug",
      file,
      message:
        `unknown circuit "${trackSlug}" in the track setting (known: ${known}); matching the GPS trace instead`,
    });
  }

  if (trace.rows.length < MIN_TRACE_SAMPLES) {
    report({
      severity: "info",
      code: "track_too_few_samples",
      file,
      message: `too few moving GPS samples (${trace.rows.length}) to recognise the circuit`,
    });
    return null;
  }
  const scores = scoreCircuits(trace, catalog.tracks);
  const best = scores[0];
  if (!best || best.fit < FIT_MIN || best.coverage < COVERAGE_MIN) {
    report({
      severity: "info",
      code: "track_no_match",
      file,
      message: `no known circuit matches this session's GPS trace (best: ${
        best ? describe(best) : `none within ${PREFILTER_M / 1000} km`
      })`,
    });
    return null;
  }
  if (!(best.forwardFraction >= 0.5)) {
    report({
      severity: "info",
      code: "track_reversed",
      file,
      message: `the session drives ${best.track.name} in reverse (${describe(best)}); ` +
        `its corners and start/finish do not apply, so no circuit is matched`,
    });
    return null;
  }
  return { track: best.track, method: "gps-trace", fit: best.fit, coverage: best.coverage };
}

/** Options of {@linkcode createMatchTrackStage}. */
export interface MatchTrackOptions {
  /** Supplies the circuits; default: read the plugin's `circuits/` folder. */
  loadCircuits?: () => Promise<CircuitCatalog>;
}

/**
 * Creates the `match-track` stage. The circuits are loaded on its first run
 * and kept for the stage's lifetime (a load that fails is retried on the
 * next run); a new stage loads them afresh. The circuits drivers added
 * arrive with each run, in the plugin's analysis data.
 */
export function createMatchTrackStage(options: MatchTrackOptions = {}) {
  const load = options.loadCircuits ?? (() => loadCircuits());
  let catalog: Promise<CircuitCatalog> | null = null;
  const added = new Map<string, ParsedCircuit>();
  const circuits = () =>
    catalog ??= load().catch((error) => {
      catalog = null;
      throw error;
    });
  return defineStage({
    id: "match-track",
    description: "Finds the known circuit whose reference line the session's GPS trace follows " +
      "(fit, coverage and direction), or null.",
    consumes: { session: SessionKey },
    produces: { track: TrackKey },
    async run(ctx, { session }) {
      const known = catalogWithAdded(await circuits(), ctx.settings.pluginData?.[ctx.plugin], added);
      ctx.signal.throwIfAborted();
      return { track: matchTrack(session, known, ctx.settings.trackSlug, ctx.report) };
    },
  });
}

/** The `match-track` stage with the built-in circuits, read once per process on its first run. */
export const matchTrackStage = createMatchTrackStage();
