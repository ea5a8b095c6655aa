/**
 * A fast scanner for delimited numeric tables (CSV or space-separated), for
 * format authors. Reads bytes straight into `Float64Array` columns, reports
 * every bad field with its line and column, and drops rows whose required
 * fields are unusable.
 *
 * @module
 */

import type { Reporter } from "./diagnostics.ts";

/** One column to extract from the table. */
export interface ColumnSpec {
  /** 0-based field position in a data row. */
  field: number;
  /** Name used in diagnostics, e.g. `"latitude"`. */
  name: string;
  /** A row whose value here is empty or not a number is skipped (and reported). */
  required?: boolean;
}

/** Where the table is and what to take from it. */
export interface TableSpec {
  /** File name for diagnostics. */
  file: string;
  /** Byte offset where the first data row starts. */
  start: number;
  /** 1-based line number of that row. */
  firstLine: number;
  /** Field separator: `","` or `" "` (runs of spaces count as one). */
  separator: "," | " ";
  /** Columns to extract. */
  columns: readonly ColumnSpec[];
  /** Fields a complete row has; a row with fewer is reported as truncated and skipped. */
  fieldCount?: number;
  /** Receives one diagnostic per bad field or row. */
  report: Reporter;
  /** Further reports of one kind after this many are summarised (default 20). */
  maxReportsPerKind?: number;
}

/** The extracted columns. */
export interface NumericTable {
  /** Number of rows kept. */
  rows: number;
  /** One array per {@linkcode ColumnSpec}, in the same order, `rows` long; bad optional values are `NaN`. */
  values: Float64Array[];
  /** 1-based file line of each kept row. */
  lines: Int32Array;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const LF = 10, CR = 13, QUOTE = 34, SPACE = 32, COMMA = 44;

/**
 * Scans a numeric table. Quoted fields (`"1.5"`) are accepted; a UTF-8 BOM
 * must already be skipped by `start`. CRLF and LF line ends both work;
 * blank lines are ignored.
 *
 * @example
 * ```ts
 * import { scanNumericTable } from "./table_scanner.ts";
 * const bytes = new TextEncoder().encode("t,v\n0,1.5\n0.1,abc\n");
 * const table = scanNumericTable(bytes, {
 *   file: "x.csv", start: 4, firstLine: 2, separator: ",",
 *   columns: [{ field: 0, name: "t", required: true }, { field: 1, name: "v" }],
 *   report: () => {},
 * });
 * console.assert(table.rows === 2 && Number.isNaN(table.values[1][1]));
 * ```
 */
export function scanNumericTable(bytes: Uint8Array, spec: TableSpec): NumericTable {
  const sep = spec.separator === "," ? COMMA : SPACE;
  const capacity = countLines(bytes, spec.start);
  const nCols = spec.columns.length;
  const values = spec.columns.map(() => new Float64Array(capacity));
  const lines = new Int32Array(capacity);
  let maxField = 0;
  for (const c of spec.columns) maxField = Math.max(maxField, c.field);
  const slotOfField = new Int32Array(maxField + 1).fill(-1);
  spec.columns.forEach((c, i) => (slotOfField[c.field] = i));
  const required = spec.columns.map((c) => c.required === true);
  const fieldCount = spec.fieldCount ?? 0;
  const counts = new Map<string, number>();
  const limit = spec.maxReportsPerKind ?? 20;
  const report = (code: string, line: number, column: number | undefined, message: string) => {
    const n = (counts.get(code) ?? 0) + 1;
    counts.set(code, n);
    if (n <= limit) spec.report({ severity: "warning", code, file: spec.file, line, column, message });
  };

  const n = bytes.length;
  let pos = spec.start;
  let line = spec.firstLine;
  let rows = 0;
  const rowValues = new Float64Array(nCols);
  while (pos < n) {
    // Blank line?
    let c = bytes[pos];
    if (c === LF) {
      pos++;
      line++;
      continue;
    }
    if (c === CR && bytes[pos + 1] === LF) {
      pos += 2;
      line++;
      continue;
    }
    let field = 0;
    let rowOk = true;
    let filled = 0;
    rowValues.fill(NaN);
    // Walk the fields of this line.
    for (;;) {
      if (sep === SPACE) { while (bytes[pos] === SPACE) pos++; }
      const slot = field <= maxField ? slotOfField[field] : -1;
      if (slot >= 0) {
        // Parse a number in place.
        let p = pos;
        c = bytes[p];
        let quoted = false;
        if (c === QUOTE) {
          quoted = true;
          c = bytes[++p];
        }
        let neg = false;
        if (c === 45) {
          neg = true;
          c = bytes[++p];
        } else if (c === 43) c = bytes[++p];
        let mant = 0, digits = 0, scale = 0;
        while (c >= 48 && c <= 57) {
          mant = mant * 10 + (c - 48);
          digits++;
          c = bytes[++p];
        }
        if (c === 46) {
          c = bytes[++p];
          while (c >= 48 && c <= 57) {
            mant = mant * 10 + (c - 48);
            digits++;
            scale++;
            c = bytes[++p];
          }
        }
        let value: number;
        if (c === 101 || c === 69 || digits > 15) {
          // Exponent or too many digits for exact integer arithmetic: slow path.
          const end = fieldEnd(bytes, pos, sep);
          value = Number(decodeField(bytes, pos, end));
          p = end;
        } else {
          if (quoted && c === QUOTE) c = bytes[++p];
          value = digits === 0 ? NaN : (neg ? -mant : mant) / POW10[scale];
        }
        const atEnd = p >= n || c === sep || c === LF || c === CR;
        if (!atEnd || (digits === 0 && !Number.isFinite(value))) {
          const end = fieldEnd(bytes, pos, sep);
          const text = decodeField(bytes, pos, end);
          const name = spec.columns[slot].name;
          const isEmpty = text === "";
          if (isEmpty) {
            if (required[slot]) {
              report("empty_field", line, field + 1, `${name} is empty; row skipped`);
              rowOk = false;
            }
          } else {
            const kind = /^[+-]?(nan|inf(inity)?)$/i.test(text) ? "nan" : "non_numeric";
            report(
              kind,
              line,
              field + 1,
              `${name} is '${text}', not a number; ${required[slot] ? "row skipped" : "value ignored"}`,
            );
            if (required[slot]) rowOk = false;
          }
          p = end;
        } else if (!Number.isFinite(value)) {
          report("nan", line, field + 1, `${spec.columns[slot].name} is not finite; row skipped`);
          if (required[slot]) rowOk = false;
        } else {
          rowValues[slot] = value;
        }
        filled++;
        pos = p;
      } else {
        // Skip a field we do not need.
        while (pos < n) {
          c = bytes[pos];
          if (c === sep || c === LF || c === CR) break;
          pos++;
        }
      }
      // Now at a separator, a line end or the end of the file.
      c = bytes[pos];
      if (pos < n && c === sep) {
        pos++;
        field++;
        if (sep === SPACE) {
          while (bytes[pos] === SPACE) pos++;
          c = bytes[pos];
          if (pos >= n || c === LF || c === CR) break;
        }
        continue;
      }
      break;
    }
    const fields = field + 1;
    if (fields < fieldCount || filled < nCols) {
      report(
        "truncated_line",
        line,
        undefined,
        `line has ${fields} fields, expected ${Math.max(fieldCount, maxField + 1)}; row skipped`,
      );
      rowOk = false;
    }
    if (rowOk) {
      for (let s = 0; s < nCols; s++) values[s][rows] = rowValues[s];
      lines[rows] = line;
      rows++;
    }
    // Move past the line end.
    if (bytes[pos] === CR) pos++;
    if (bytes[pos] === LF) pos++;
    line++;
  }
  for (const [code, count] of counts) {
    if (count > limit) {
      spec.report({
        severity: "warning",
        code,
        file: spec.file,
        message: `${count - limit} more '${code}' problems not listed`,
      });
    }
  }
  return { rows, values: values.map((v) => v.subarray(0, rows)), lines: lines.subarray(0, rows) };
}

function countLines(bytes: Uint8Array, start: number): number {
  let count = 1;
  let i = bytes.indexOf(LF, start);
  while (i !== -1) {
    count++;
    i = bytes.indexOf(LF, i + 1);
  }
  return count;
}

function fieldEnd(bytes: Uint8Array, pos: number, sep: number): number {
  let p = pos;
  while (p < bytes.length) {
    const c = bytes[p];
    if (c === sep || c === LF || c === CR) break;
    p++;
  }
  return p;
}

const decoder = new TextDecoder();
function decodeField(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end)).replace(/^"|"$/g, "").trim();
}
