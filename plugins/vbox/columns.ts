/**
 * Which `.vbo` column feeds which session channel, by the short names of
 * the `[column names]` section, and how each value is converted.
 *
 * @module
 */

/** How a raw value becomes the channel's value. */
export type Conversion =
  /** Multiply by `factor`. */
  | { kind: "scale"; factor: number }
  /** `HHMMSS.SS` time of day (converted later, with the midnight wrap). */
  | { kind: "timeOfDay" }
  /** Satellite count; VBOX adds 64 (brake trigger) and 128 (DGPS) as flags, which are removed. */
  | { kind: "satellites" };

/** One chosen column. */
export interface VboColumn {
  /** Session channel it feeds. */
  channel: string;
  /** 0-based field in a data row. */
  field: number;
  /** The short column name, for diagnostics. */
  name: string;
  /** How to convert it. */
  conversion: Conversion;
  /** Whether a row without a usable value here is skipped. */
  required: boolean;
}

/** The outcome of matching the column names. */
export interface VboColumnPlan {
  /** Chosen columns. */
  columns: VboColumn[];
  /** Required column names that are absent. */
  missing: string[];
}

const MINUTES_TO_DEG = 1 / 60;
const SPEED_FACTORS: Record<string, number> = {
  kmh: 1 / 3.6,
  "km/h": 1 / 3.6,
  kph: 1 / 3.6,
  mph: 0.44704,
  knots: 1852 / 3600,
  kn: 1852 / 3600,
  "m/s": 1,
  ms: 1,
};

/**
 * Finds the columns. `units[i]` is the unit text of column `i` (from
 * `[channel units]`, or the `[header]` entry such as `velocity kmh`, or
 * `""`): it decides the speed factor (km/h when it names no other) and
 * height in feet.
 */
export function planVboColumns(names: readonly string[], units: readonly string[]): VboColumnPlan {
  const columns: VboColumn[] = [];
  const taken = new Set<string>();
  const add = (channel: string, field: number, conversion: Conversion, required = false) => {
    if (taken.has(channel)) return; // the first column of a name wins
    taken.add(channel);
    columns.push({ channel, field, name: names[field], conversion, required });
  };
  names.forEach((raw, field) => {
    const name = raw.toLowerCase();
    const unit = (units[field] ?? "").toLowerCase();
    switch (name) {
      case "time":
        return add("timeS", field, { kind: "timeOfDay" }, true);
      case "lat":
      case "latitude":
        return add("latDeg", field, { kind: "scale", factor: MINUTES_TO_DEG }, true);
      case "long":
      case "longitude":
        // Minutes, positive west.
        return add("lonDeg", field, { kind: "scale", factor: -MINUTES_TO_DEG }, true);
      case "velocity":
      case "speed":
        return add("speedMps", field, { kind: "scale", factor: speedFactor(unit) }, true);
      case "sats":
      case "satellites":
        return add("satellites", field, { kind: "satellites" });
      case "heading":
        return add("headingDeg", field, { kind: "scale", factor: 1 });
      case "height":
        return add("altitudeM", field, { kind: "scale", factor: /\b(ft|feet)\b/.test(unit) ? 0.3048 : 1 });
      case "longacc":
        return add("longAccelG", field, { kind: "scale", factor: 1 });
      case "latacc":
        return add("latAccelG", field, { kind: "scale", factor: 1 });
    }
  });
  const missing = [["timeS", "time"], ["latDeg", "lat"], ["lonDeg", "long"], ["speedMps", "velocity"]]
    .filter(([channel]) => !taken.has(channel))
    .map(([, name]) => name);
  return { columns, missing };
}

/** Factor from the unit text to m/s; km/h (the VBOX default) when the text names no known unit. */
function speedFactor(unit: string): number {
  for (const word of unit.split(/\s+/)) if (word in SPEED_FACTORS) return SPEED_FACTORS[word];
  return SPEED_FACTORS.kmh;
}
