/**
 * The `corner-kpis` stage: every corner's KPIs on every complete lap
 * (out- and in-laps too when they are complete). It reads the session's
 * time axis to see where the logger measured no speed (see `data_gaps.ts`).
 *
 * @module
 */

import {
  CornerKpisKey,
  CornersKey,
  createScratch,
  defineStage,
  DistanceLapsKey,
  GRID_STEP_M,
  type LapCornerKpis,
  LapsKey,
  measuredSpeed,
  type ScratchProvider,
  SessionKey,
} from "../../sdk/mod.ts";
import { lapCornerKpis } from "./corner_kpis.ts";
import { bridgedPoints, gapThresholdS } from "./data_gaps.ts";
import { griddedLaps, lapWindow } from "./lap_window.ts";
import { LONG_G_WINDOW_M, SEARCH_M, THROTTLE_HOLD_M } from "./pedal_events.ts";

/** How far from a corner the pedal events are looked for, with their averaging windows, m. */
const REACH_M = SEARCH_M + THROTTLE_HOLD_M + LONG_G_WINDOW_M;

/** The lap windows' channels (`timeS`, `speedMps`), rebuilt for every lap in the same buffers. */
const windowScratch: Record<string, ScratchProvider> = {
  timeS: createScratch(),
  speedMps: createScratch(),
};

/** Measures every corner on every complete lap. */
export const cornerKpisStage = defineStage({
  id: "corner-kpis",
  description:
    "Per lap and corner: minimum speed and where, brake point, peak braking, throttle commit, apex type and time in the corner.",
  consumes: { corners: CornersKey, laps: LapsKey, distanceLaps: DistanceLapsKey, session: SessionKey },
  produces: { kpis: CornerKpisKey },
  run(ctx, { corners, laps, distanceLaps, session }) {
    const gridded = griddedLaps(laps, distanceLaps);
    const stepM = gridded.grids[0]?.stepM ?? GRID_STEP_M;
    const lapM = Math.max(0, ...gridded.grids.map((grid) => grid.points * grid.stepM));
    // How far the measurements reach past the line: a corner's entry, less one braking search, before
    // it; its exit, plus one throttle search, after it.
    const beforeM = Math.max(0, ...corners.map((c) => REACH_M - c.entryM));
    const afterM = Math.max(0, ...corners.map((c) => c.exitM + REACH_M - lapM));
    const margin = Math.ceil(Math.max(beforeM, afterM) / stepM);
    const gapS = gapThresholdS(session.channels.timeS);
    const speedTimes = measuredSpeed(session).timeS;
    const kpis: LapCornerKpis[] = [];
    const unmeasured: string[] = [];
    gridded.laps.forEach((lap, i) => {
      if (!lap.complete) return;
      ctx.signal.throwIfAborted();
      const window = lapWindow(gridded, i, margin, [], (name, points) => windowScratch[name](points));
      const bridged = bridgedPoints(window, lap.startTimeS, speedTimes, gapS);
      const lapKpis = lapCornerKpis(corners, window, bridged);
      kpis.push({ lap: lap.number, corners: lapKpis });
      lapKpis.forEach((kpi, k) => {
        if (kpi.unmeasured) {
          unmeasured.push(`lap ${lap.number} ${corners[k].label} (${kpi.unmeasured.join(", ")})`);
        }
      });
    });
    if (unmeasured.length > 0) {
      ctx.report({
        severity: "info",
        code: "kpi_unmeasured",
        message: `not measured where the logger recorded no speed: ${unmeasured.join("; ")}`,
      });
    }
    return { kpis };
  },
});
