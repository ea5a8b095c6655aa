/**
 * A fast scanner for delimited numeric tables (CSV or space-separated), for
 * format authors. Reads bytes straight into `Float64Array` columns, reports
 * every bad field with its line and column, and drops rows whose required
 * fields are unusable.
 *
 * @module
 */

import type { Reporter } from "./diagnostics.ts";
import { type LimitedReporter, limitedReporter, REPORTS_PER_CODE } from "./report_limit.ts";

/** One column to extract from the table. */
export interface ColumnSpec {
  /** 0-based field position in a data row. */
  field: number;
  /** Name used in diagnostics, e.g. `"latitude"`. */
  name: string;
  /** A row whose value here is empty or not a number is skipped (and reported). */
  required?: boolean;
  /** Every value read is multiplied by this, e.g. `1 / 3.6` for km/h to m/s (default 1). */
  factor?: number;
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
  /**
   * One array per {@linkcode ColumnSpec}, in the same order, `rows` long, each value times the
   * column's `factor`; bad optional values are `NaN`.
   */
  values: Float64Array[];
  /** 1-based file line of each kept row. */
  lines: Int32Array;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const LF = 10, CR = 13, QUOTE = 34, SPACE = 32, COMMA = 44;

/**
 * Scans a numeric table. Quoted fields (`"1.5"`) are accepted; a UTF-8 BOM
 * must already be skipped by `start`. CRLF and LF line ends both work;
 * blank lines, and lines of spaces only, are ignored.
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
  const state = new ScanState(bytes, spec);
  const n = bytes.length;
  let pos = spec.start;
  while (pos < n) {
    // Blank line (or one of spaces only, as an editor may leave at the end)?
    let end = pos;
    while (bytes[end] === SPACE) end++;
    const c = bytes[end];
    if (c === LF || end >= n) {
      pos = end + 1;
      state.line++;
      continue;
    }
    if (c === CR && bytes[end + 1] === LF) {
      pos = end + 2;
      state.line++;
      continue;
    }
    if (state.rows === state.capacity) state.grow();
    // One line per call: a small function V8 optimises as a whole, where one
    // long loop nest would run as on-stack-replaced code that keeps deoptimising.
    pos = scanLine(state, pos);
    state.line++;
  }
  state.summarise();
  const rows = state.rows;
  return {
    rows,
    values: state.values.map((v) => v.subarray(0, rows)),
    lines: state.lines.subarray(0, rows),
  };
}

/** Everything {@linkcode scanLine} needs, plus the output columns. */
class ScanState {
  readonly bytes: Uint8Array;
  readonly n: number;
  readonly spec: TableSpec;
  readonly sep: number;
  /** Only bytes at or below this can end a field (separator, CR, LF); digits never do. */
  readonly stopMax: number;
  readonly nCols: number;
  readonly maxField: number;
  readonly slotOfField: Int32Array;
  readonly required: boolean[];
  readonly factors: Float64Array;
  readonly fieldCount: number;
  readonly reporter: LimitedReporter;
  capacity: number;
  values: Float64Array[];
  lines: Int32Array;
  line: number;
  rows = 0;

  constructor(bytes: Uint8Array, spec: TableSpec) {
    this.bytes = bytes;
    this.n = bytes.length;
    this.spec = spec;
    this.sep = spec.separator === "," ? COMMA : SPACE;
    this.stopMax = this.sep > CR ? this.sep : CR;
    this.nCols = spec.columns.length;
    let maxField = 0;
    for (const c of spec.columns) maxField = Math.max(maxField, c.field);
    this.maxField = maxField;
    this.slotOfField = new Int32Array(maxField + 1).fill(-1);
    spec.columns.forEach((c, i) => (this.slotOfField[c.field] = i));
    this.required = spec.columns.map((c) => c.required === true);
    this.factors = Float64Array.from(spec.columns, (c) => c.factor ?? 1);
    this.fieldCount = spec.fieldCount ?? 0;
    this.reporter = limitedReporter(spec.report, spec.file, spec.maxReportsPerKind ?? REPORTS_PER_CODE);
    // No counting pass over the file: start from an estimate and grow when it is short.
    this.capacity = estimateRows(bytes, spec.start);
    this.values = spec.columns.map(() => new Float64Array(this.capacity));
    this.lines = new Int32Array(this.capacity);
    this.line = spec.firstLine;
  }

  grow(): void {
    const capacity = Math.ceil(this.capacity * 1.5) + 16;
    this.values = this.values.map((v) => {
      const out = new Float64Array(capacity);
      out.set(v);
      return out;
    });
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    this.lines = lines;
    this.capacity = capacity;
  }

  report(code: string, column: number | undefined, message: string): void {
    this.reporter.report({
      severity: "warning",
      code,
      file: this.spec.file,
      line: this.line,
      column,
      message,
    });
  }

  /** Reports a field that is not a plain number; returns whether it makes the row unusable. */
  badField(slot: number, field: number, start: number, end: number): boolean {
    const text = decodeField(this.bytes, start, end);
    const name = this.spec.columns[slot].name;
    const required = this.required[slot];
    if (text === "") {
      if (required) this.report("empty_field", field + 1, `${name} is empty; row skipped`);
      return required;
    }
    const kind = /^[+-]?(nan|inf(inity)?)$/i.test(text) ? "nan" : "non_numeric";
    this.report(
      kind,
      field + 1,
      `${name} is '${text}', not a number; ${required ? "row skipped" : "value ignored"}`,
    );
    return required;
  }

  summarise(): void {
    this.reporter.summarise();
  }
}

/**
 * Reads the line starting at `pos` into row `state.rows` (kept when every
 * required field is usable and the line is complete) and returns the
 * position after its line end.
 */
function scanLine(state: ScanState, start: number): number {
  const bytes = state.bytes;
  const n = state.n;
  const sep = state.sep;
  const stopMax = state.stopMax;
  const maxField = state.maxField;
  const slotOfField = state.slotOfField;
  const values = state.values;
  const factors = state.factors;
  const row = state.rows;
  let pos = start;
  let c = 0;
  let field = 0;
  let rowOk = true;
  let filled = 0;
  // Values are written straight into row `row`; a skipped row is overwritten by the next one.
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
      // The mantissa's digits as an exact integer: the first 9 in int32 arithmetic
      // (cheaper than double), any further ones in a double.
      let small = 0, digits = 0, scale = 0;
      while (c >= 48 && c <= 57 && digits < 9) {
        small = small * 10 + (c - 48);
        digits++;
        c = bytes[++p];
      }
      let mant = small;
      while (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
        c = bytes[++p];
      }
      if (c === 46) {
        c = bytes[++p];
        small = 0;
        while (c >= 48 && c <= 57 && digits < 9) {
          small = small * 10 + (c - 48);
          digits++;
          scale++;
          c = bytes[++p];
        }
        mant = mant * POW10[scale] + small;
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
        c = bytes[p]; // past a closing quote too
      } else {
        if (quoted && c === QUOTE) c = bytes[++p];
        value = digits === 0 ? NaN : (neg ? -mant : mant) / POW10[scale];
      }
      const atEnd = p >= n || c === sep || c === LF || c === CR;
      if (!atEnd || Number.isNaN(value)) {
        const end = fieldEnd(bytes, pos, sep);
        if (state.badField(slot, field, pos, end)) rowOk = false;
        values[slot][row] = NaN;
        p = end;
      } else if (!Number.isFinite(value)) {
        state.report("nan", field + 1, `${state.spec.columns[slot].name} is not finite; row skipped`);
        if (state.required[slot]) rowOk = false;
        values[slot][row] = NaN;
      } else {
        values[slot][row] = value * factors[slot];
      }
      filled++;
      pos = p;
    } else {
      // Skip a field we do not need.
      while (pos < n) {
        c = bytes[pos];
        if (c <= stopMax && (c === sep || c === LF || c === CR)) break;
        pos++;
      }
    }
    // Now at a separator, a line end or the end of the file.
    if (pos >= n) break;
    c = bytes[pos];
    if (c === sep) {
      pos++;
      field++;
      if (sep === SPACE) {
        while (pos < n && bytes[pos] === SPACE) pos++;
        if (pos >= n) break;
        c = bytes[pos];
        if (c === LF || c === CR) break;
      }
      continue;
    }
    break;
  }
  const fields = field + 1;
  if (fields < state.fieldCount || filled < state.nCols) {
    state.report(
      "truncated_line",
      undefined,
      `line has ${fields} fields, expected ${Math.max(state.fieldCount, maxField + 1)}; row skipped`,
    );
    rowOk = false;
  }
  if (rowOk) {
    state.lines[row] = state.line;
    state.rows = row + 1;
  }
  // Move past the line end.
  if (pos < n && bytes[pos] === CR) pos++;
  if (pos < n && bytes[pos] === LF) pos++;
  return pos;
}

/** A row capacity: exact for a small table, else the bytes left over the mean length of the first lines, plus 5 %. */
function estimateRows(bytes: Uint8Array, start: number): number {
  const sampleEnd = Math.min(bytes.length, start + 65536);
  let newlines = 0;
  for (let i = start; i < sampleEnd; i++) if (bytes[i] === LF) newlines++;
  if (sampleEnd === bytes.length || newlines === 0) return newlines + 1;
  const meanLength = (sampleEnd - start) / newlines;
  return Math.ceil(((bytes.length - start) / meanLength) * 1.05) + 16;
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
