/**
 * Corners of a circuit as the driver drives it, and the per-lap corner KPIs
 * (brake point, minimum speed, throttle commit...). Distances are metres
 * along the lap from the start/finish line, on the distance grid.
 *
 * @module
 */

/** Turn direction. */
export type TurnDirection = "left" | "right";

/** One corner: a place where the driver slows and the line bends. */
export interface Corner {
  /** 1..N in lap order; the same corner keeps its number on every lap of the session. */
  number: number;
  /** Short label for display: `"T5"`, `"T2-4"` from the official list, `"C3"` on an unknown circuit. */
  label: string;
  /** Official name(s) of the circuit's corners inside this one, or null. */
  name: string | null;
  /** Official turn numbers whose apex lies inside entry..exit (±25 m); empty when unknown. */
  officialNumbers: number[];
  /** Turn direction at the geometric apex. */
  direction: TurnDirection;
  /**
   * Where the line starts to bend (|curvature| above 1/500 per m), m from the line;
   * negative when the corner starts before the line (on the previous lap).
   */
  entryM: number;
  /** Speed apex: the minimum of the session's reference speed trace, m. */
  apexM: number;
  /** Where the line straightens again, m; beyond the lap's length when the corner ends after the line. */
  exitM: number;
  /** Point of highest |curvature| between entry and exit, m. */
  geometricApexM: number;
  /** Signed peak curvature, 1/m (positive = left). */
  peakCurvature: number;
  /** Whether the driver brakes for it (reference trace decelerates beyond 0.1 g before the apex). */
  braking: boolean;
}

/** Where the speed minimum falls relative to the geometric apex. */
export type ApexType = "early" | "on-time" | "late";

/** One corner on one lap. */
export interface CornerKpi {
  /** {@linkcode Corner.number}. */
  corner: number;
  /** Lowest speed between entry and exit, m/s. */
  minSpeedMps: number;
  /** Where the lowest speed is first reached (the start of any hold at it), m. */
  minSpeedM: number;
  /**
   * Onset of braking: on longitudinal acceleration averaged over 10 m, the
   * first point beyond 0.1 g deceleration after the last point above +0.05 g
   * before the minimum (at most 300 m back); null when the driver does not brake
   * (or it is unmeasured). Negative when it lies before the line.
   */
  brakePointM: number | null;
  /** Largest deceleration of that braking stretch, g (positive number); null without braking. */
  peakBrakeG: number | null;
  /**
   * First point after the minimum from which acceleration stays above 0.1 g
   * for 10 m (searched up to 300 m on); null if never (or unmeasured).
   */
  throttleCommitM: number | null;
  /** Speed apex relative to the geometric apex: beyond ±10 % of the corner's length is early/late. */
  apexType: ApexType;
  /** Time from entry to exit, s. */
  timeInCornerS: number;
  /**
   * KPIs the lap's data cannot give because the logger measured no speed
   * where they would be read (a dropout the resampler bridged with a
   * straight line; rows dropped for poor GPS keep their speed): brake point
   * and throttle commit are then null, and a listed minimum speed is the
   * bridge's value. Absent when everything was measured.
   */
  unmeasured?: UnmeasuredKpi[];
}

/** A KPI left unmeasured for lack of samples (see {@linkcode CornerKpi.unmeasured}). */
export type UnmeasuredKpi = "min-speed" | "brake-point" | "throttle-commit";

/** Every corner of one lap. */
export interface LapCornerKpis {
  /** The lap's number. */
  lap: number;
  /** One entry per corner the lap covers, in corner order. */
  corners: CornerKpi[];
}
