/**
 * A minimal logger format: a CSV file whose first line is exactly
 * `time,lat,lon,speed` and whose rows are seconds (any origin), latitude and
 * longitude in decimal degrees, and speed in km/h:
 *
 * ```text
 * time,lat,lon,speed
 * 0.00,33.5307507,-86.6225874,0.0
 * 0.04,33.5307497,-86.6225891,1.3
 * ```
 *
 * It follows the three steps of every format: find the columns in the
 * header, scan the rows with `scanNumericTable` (bad fields are reported with
 * their line and column and the row is skipped), and clean the result with
 * `buildSession`.
 *
 * @module
 */

import { buildSession, DataError, defineFormat, scanNumericTable, type Session } from "../../sdk/mod.ts";

/** The header line, as the file must start. */
export const CSV_HEADER = "time,lat,lon,speed";

const KMH_TO_MPS = 1 / 3.6;

/** The `simple-csv` format. */
export const simpleCsvFormat = defineFormat({
  id: "simple-csv",
  name: "Simple CSV (time, lat, lon, speed in km/h)",
  extensions: [".csv"],
  sniff: (head) => head.split(/\r?\n/, 1)[0].trim() === CSV_HEADER,
  parse(bytes, ctx): Session {
    const firstBreak = bytes.indexOf(10);
    if (firstBreak < 0) {
      throw new DataError("the file has a header but no data rows", { file: ctx.file, line: 2 });
    }
    const table = scanNumericTable(bytes, {
      file: ctx.file,
      start: firstBreak + 1,
      firstLine: 2,
      separator: ",",
      fieldCount: 4,
      columns: [
        { field: 0, name: "time", required: true },
        { field: 1, name: "lat", required: true },
        { field: 2, name: "lon", required: true },
        { field: 3, name: "speed", required: true, factor: KMH_TO_MPS },
      ],
      report: ctx.report,
    });
    const [timeS, latDeg, lonDeg, speedMps] = table.values;
    return buildSession({
      format: "simple-csv",
      channels: { timeS, latDeg, lonDeg, speedMps },
      lines: table.lines,
      unixOffsetS: null,
      trackNameHint: null,
      lapMarkers: [],
      metadata: {},
    }, ctx);
  },
});
