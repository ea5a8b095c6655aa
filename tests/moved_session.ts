/**
 * A RaceChrono session moved to where the workbench knows no circuit: every
 * position shifted by a fixed offset, longitudes stretched so the shape and
 * its distances stay as driven (speeds and times are untouched), the title's circuit name replaced, and optionally the lap
 * numbers blanked so the file carries no lap markers. Tests use it for a
 * circuit the workbench does not know.
 *
 * @module
 */

/** How to move a session. */
export interface MoveOptions {
  /** Added to every latitude, degrees (default 1: about 111 km north, far from every built-in circuit). */
  dLatDeg?: number;
  /** Added to every longitude, degrees (default 0). */
  dLonDeg?: number;
  /** Blank the `lap_number` column, so the file has no lap markers. */
  dropLapNumbers?: boolean;
  /** Name written in the preamble instead of the circuit's (default "Test circuit"). */
  title?: string;
}

/** The text of RaceChrono CSV `text` moved as `options` say. */
export function movedRaceChrono(text: string, options: MoveOptions = {}): string {
  const { dLatDeg = 1, dLonDeg = 0, dropLapNumbers = false, title = "Test circuit" } = options;
  const lines = text.split("\n");
  const header = lines.findIndex((l) => l.startsWith("timestamp,"));
  if (header < 0) throw new Error("not a RaceChrono CSV v3 file: no header row");
  const names = lines[header].split(",");
  const lat = names.indexOf("latitude"), lon = names.indexOf("longitude"), lap = names.indexOf("lap_number");
  // Longitudes are stretched about the first position so distances stay those driven.
  const first = lines[header + 3].split(",");
  const lat0 = Number(first[lat]), lon0 = Number(first[lon]);
  const stretch = Math.cos((lat0 * Math.PI) / 180) / Math.cos(((lat0 + dLatDeg) * Math.PI) / 180);
  const moveLat = (v: string) => v === "" ? v : (Number(v) + dLatDeg).toFixed(7);
  const moveLon = (v: string) => v === "" ? v : (lon0 + dLonDeg + (Number(v) - lon0) * stretch).toFixed(7);
  return lines.map((line, i) => {
    if (i < header) {
      return /^(Session title|Track name),/.test(line) ? line.replace(/,.*/, `,"${title}"`) : line;
    }
    if (i <= header + 2 || line === "") return line;
    const fields = line.split(",");
    fields[lat] = moveLat(fields[lat]);
    fields[lon] = moveLon(fields[lon]);
    if (dropLapNumbers && lap >= 0) fields[lap] = "";
    return fields.join(",");
  }).join("\n");
}
