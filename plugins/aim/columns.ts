/**
 * Which AiM column feeds which session channel, chosen by the channel name
 * in the header row and converted by the unit in the units row.
 *
 * @module
 */

/** How to read one session channel from an AiM export. */
export interface AimChannelRule {
  /** Session channel name. */
  readonly channel: string;
  /** AiM channel names, most preferred first (compared case-insensitively). */
  readonly names: readonly string[];
  /** Accepted units (lower case) and the factor that converts each to the channel's unit. */
  readonly units: Readonly<Record<string, number>>;
  /** The file is unusable without it. */
  readonly required?: boolean;
}

const G_UNITS = { g: 1, "m/s2": 1 / 9.80665, "m/s²": 1 / 9.80665, "m/s^2": 1 / 9.80665 };
const SPEED_UNITS = { "km/h": 1 / 3.6, kmh: 1 / 3.6, kph: 1 / 3.6, "m/s": 1, mph: 0.44704, kn: 1852 / 3600 };
const DEGREES = { deg: 1, "°": 1, "": 1 };

/** The channels this format reads. The four `required` ones must be present. */
export const AIM_CHANNEL_RULES: readonly AimChannelRule[] = [
  { channel: "timeS", names: ["Time"], units: { s: 1, sec: 1, ms: 0.001, "": 1 }, required: true },
  { channel: "latDeg", names: ["GPS Latitude"], units: DEGREES, required: true },
  { channel: "lonDeg", names: ["GPS Longitude"], units: DEGREES, required: true },
  { channel: "speedMps", names: ["GPS Speed"], units: SPEED_UNITS, required: true },
  { channel: "satellites", names: ["GPS Nsat"], units: { "#": 1, "": 1 } },
  { channel: "latAccelG", names: ["GPS LatAcc"], units: G_UNITS },
  { channel: "longAccelG", names: ["GPS LonAcc"], units: G_UNITS },
  { channel: "headingDeg", names: ["GPS Heading"], units: DEGREES },
  { channel: "altitudeM", names: ["GPS Altitude"], units: { m: 1, ft: 0.3048 } },
  { channel: "accuracyM", names: ["GPS PosAccuracy"], units: { mm: 0.001, cm: 0.01, m: 1 } },
  {
    channel: "odometerM",
    names: ["Distance on GPS Speed"],
    units: { m: 1, km: 1000, mi: 1609.344, ft: 0.3048 },
  },
  { channel: "yawRateDps", names: ["GPS Gyro"], units: { "deg/s": 1, "°/s": 1, "rad/s": 180 / Math.PI } },
];

/** One chosen column. */
export interface AimColumn {
  /** Session channel it feeds. */
  channel: string;
  /** 0-based field in a data row. */
  field: number;
  /** AiM channel name as written. */
  name: string;
  /** Multiply the raw value by this to get the channel's unit. */
  factor: number;
  /** Whether a row without a usable value here is skipped. */
  required: boolean;
}

/** The outcome of matching the header against {@linkcode AIM_CHANNEL_RULES}. */
export interface AimColumnPlan {
  /** Chosen columns, in rule order. */
  columns: AimColumn[];
  /** Required channels with no usable column, each with the reason. */
  missing: string[];
  /** Columns present under a known name but in a unit this reader does not convert. */
  unknownUnits: string[];
}

/** Picks, per rule, the first column whose name matches (in the rule's name order) and whose unit is known. */
export function planAimColumns(
  names: readonly string[],
  units: readonly string[],
  rules: readonly AimChannelRule[] = AIM_CHANNEL_RULES,
): AimColumnPlan {
  const columns: AimColumn[] = [];
  const missing: string[] = [];
  const unknownUnits: string[] = [];
  const lower = names.map((n) => n.trim().toLowerCase());
  for (const rule of rules) {
    let chosen: AimColumn | null = null;
    let badUnit: string | null = null;
    for (const wanted of rule.names) {
      for (let field = 0; field < lower.length && !chosen; field++) {
        if (lower[field] !== wanted.toLowerCase()) continue;
        const unit = (units[field] ?? "").trim().toLowerCase();
        if (unit in rule.units) {
          chosen = {
            channel: rule.channel,
            field,
            name: names[field],
            factor: rule.units[unit],
            required: rule.required === true,
          };
        } else badUnit ??= units[field] ?? "";
      }
      if (chosen) break;
    }
    if (chosen) columns.push(chosen);
    else if (badUnit !== null) {
      unknownUnits.push(`${rule.names[0]} in '${badUnit}'`);
      if (rule.required) missing.push(`${rule.names[0]} (unit '${badUnit}' not understood)`);
    } else if (rule.required) missing.push(`${rule.names[0]} (no such column)`);
  }
  return { columns, missing, unknownUnits };
}
