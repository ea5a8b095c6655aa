/**
 * The coach as the server runs it (`services.coach` in the manifest): the
 * session's context from its stored artifacts, a report, an answer, and the
 * Claude settings from the environment.
 *
 * @module
 */

import {
  type ArtifactReader,
  CoachingContextKey,
  type CoachService,
  ConsistencyKey,
  CornerKpisKey,
  CornersKey,
  DeltaKey,
  GainsKey,
  LapsKey,
  LapTagsKey,
  PhysicsGainsKey,
  TrackKey,
} from "../../sdk/mod.ts";
import { claudeSettingsFromEnv } from "./claude_settings.ts";
import { answerQuestion, writeCoachingReport } from "./coach.ts";
import { buildCoachingContext } from "./context.ts";

/** The coach's version; reports written by another version are written again. */
export const COACHING_VERSION = "1.0.0";

/**
 * The stored `coaching-context` artifact, or, when its stage did not run
 * (a stage it consumes failed or is not installed), one built from the
 * artifacts that are there.
 */
async function storedContext(artifacts: ArtifactReader) {
  const stored = await artifacts.get(CoachingContextKey);
  if (stored !== undefined) return stored;
  const [laps, corners, cornerKpis] = await Promise.all([
    artifacts.get(LapsKey),
    artifacts.get(CornersKey),
    artifacts.get(CornerKpisKey),
  ]);
  if (!laps) return null;
  const [track, gains, consistency, delta, physicsGains, lapTags] = await Promise.all([
    artifacts.get(TrackKey),
    artifacts.get(GainsKey),
    artifacts.get(ConsistencyKey),
    artifacts.get(DeltaKey),
    artifacts.get(PhysicsGainsKey),
    artifacts.get(LapTagsKey),
  ]);
  return buildCoachingContext({
    track: track ?? null,
    laps,
    corners: corners ?? [],
    cornerKpis: cornerKpis ?? [],
    gains,
    consistency,
    delta,
    physicsGains,
    lapTags,
  });
}

/** The built-in coach: Claude with an API key, the offline coach without. */
export const coachService: CoachService = {
  version: COACHING_VERSION,
  context: storedContext,
  report: (context, request) => writeCoachingReport(context, request),
  answer: answerQuestion,
  modelFromEnv: claudeSettingsFromEnv,
};
