/**
 * Which RaceChrono column feeds which session channel, chosen by the
 * column's (name, unit, source) from the three header rows, never by
 * position.
 *
 * @module
 */

/** How to read one session channel from a RaceChrono export. */
export interface ChannelRule {
  /** Session channel name (`speedMps`…), or `"lapNumber"` for the lap column. */
  readonly channel: string;
  /** RaceChrono channel name in the header (`speed`…). */
  readonly name: string;
  /** Accepted units (lower case) and the factor that converts each to the channel's unit. */
  readonly units: Readonly<Record<string, number>>;
  /** Source kinds in order of preference (`"gps"`, `"calc"`…); a source is of a kind when its tag contains it. */
  readonly prefer: readonly string[];
  /** The file is unusable without it. */
  readonly required?: boolean;
}

const G_UNITS = { g: 1, "m/s2": 1 / 9.80665, "m/s²": 1 / 9.80665 };
const LENGTH_UNITS = { m: 1, km: 1000, ft: 0.3048, mi: 1609.344 };
const SPEED_UNITS = {
  "m/s": 1,
  "km/h": 1 / 3.6,
  kph: 1 / 3.6,
  mph: 0.44704,
  kn: 1852 / 3600,
  knots: 1852 / 3600,
};

/** The channels this format reads. The four `required` ones must be present. */
export const CHANNEL_RULES: readonly ChannelRule[] = [
  { channel: "timeS", name: "timestamp", units: { "unix time": 1, "": 1 }, prefer: [], required: true },
  { channel: "latDeg", name: "latitude", units: { deg: 1, "": 1 }, prefer: ["gps"], required: true },
  { channel: "lonDeg", name: "longitude", units: { deg: 1, "": 1 }, prefer: ["gps"], required: true },
  { channel: "speedMps", name: "speed", units: SPEED_UNITS, prefer: ["gps", "calc"], required: true },
  { channel: "lapNumber", name: "lap_number", units: { "": 1, "#": 1 }, prefer: [] },
  { channel: "odometerM", name: "distance_traveled", units: LENGTH_UNITS, prefer: ["gps", "calc"] },
  { channel: "accuracyM", name: "accuracy", units: { m: 1, ft: 0.3048 }, prefer: ["gps"] },
  { channel: "altitudeM", name: "altitude", units: { m: 1, ft: 0.3048 }, prefer: ["gps"] },
  { channel: "headingDeg", name: "bearing", units: { deg: 1 }, prefer: ["gps"] },
  { channel: "satellites", name: "satellites", units: { sats: 1, "": 1, "#": 1 }, prefer: ["gps"] },
  { channel: "latAccelG", name: "lateral_acc", units: G_UNITS, prefer: ["calc", "acc"] },
  { channel: "longAccelG", name: "longitudinal_acc", units: G_UNITS, prefer: ["calc", "acc"] },
  {
    channel: "yawRateDps",
    name: "z_rate_of_rotation",
    units: { "deg/s": 1, "rad/s": 180 / Math.PI },
    prefer: ["gyro"],
  },
];

/** One chosen column. */
export interface ColumnChoice {
  /** Session channel it feeds. */
  channel: string;
  /** 0-based field in a data row. */
  field: number;
  /** Multiply the raw value by this to get the channel's unit. */
  factor: number;
  /** RaceChrono channel name, for diagnostics. */
  name: string;
  /** The column's source tag as written (`"100: gps"`). */
  source: string;
  /** Whether a row without a usable value here is skipped. */
  required: boolean;
}

/** The outcome of matching the header against {@linkcode CHANNEL_RULES}. */
export interface ColumnPlan {
  /** Chosen columns, in rule order. */
  columns: ColumnChoice[];
  /** Required channels with no usable column, each with the reason (`"speed (no such column)"`). */
  missing: string[];
  /** Columns present under a known name but in a unit this reader does not convert. */
  unknownUnits: string[];
}

/**
 * Picks one column per rule: among the columns of that name whose unit is
 * known, the one whose source is earliest in the rule's preference list
 * (then the leftmost).
 */
export function planColumns(
  names: readonly string[],
  units: readonly string[],
  sources: readonly string[],
  rules: readonly ChannelRule[] = CHANNEL_RULES,
): ColumnPlan {
  const columns: ColumnChoice[] = [];
  const missing: string[] = [];
  const unknownUnits: string[] = [];
  for (const rule of rules) {
    let best = -1;
    let bestRank = Infinity;
    let badUnit: string | null = null;
    for (let i = 0; i < names.length; i++) {
      if (names[i].trim().toLowerCase() !== rule.name) continue;
      const unit = (units[i] ?? "").trim().toLowerCase();
      if (!(unit in rule.units)) {
        badUnit ??= units[i];
        continue;
      }
      const rank = sourceRank(sources[i] ?? "", rule.prefer);
      if (rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    if (best >= 0) {
      const unit = units[best].trim().toLowerCase();
      columns.push({
        channel: rule.channel,
        field: best,
        factor: rule.units[unit],
        name: rule.name,
        source: sources[best] ?? "",
        required: rule.required === true,
      });
    } else if (badUnit !== null) {
      unknownUnits.push(`${rule.name} in '${badUnit}'`);
      if (rule.required) missing.push(`${rule.name} (unit '${badUnit}' not understood)`);
    } else if (rule.required) missing.push(`${rule.name} (no such column)`);
  }
  return { columns, missing, unknownUnits };
}

/** Position of the source's kind in the preference list; sources of no listed kind come last. */
function sourceRank(source: string, prefer: readonly string[]): number {
  const tag = source.toLowerCase();
  for (let k = 0; k < prefer.length; k++) if (tag.includes(prefer[k])) return k;
  return prefer.length;
}
