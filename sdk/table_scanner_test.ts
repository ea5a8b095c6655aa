import assert from "node:assert/strict";
import type { DiagnosticInput } from "./diagnostics.ts";
import { type ColumnSpec, scanNumericTable } from "./table_scanner.ts";

function scan(text: string, columns: ColumnSpec[] = [{ field: 0, name: "v", required: true }]) {
  const diagnostics: DiagnosticInput[] = [];
  const table = scanNumericTable(new TextEncoder().encode(text), {
    file: "t.csv",
    start: 0,
    firstLine: 1,
    separator: ",",
    columns,
    report: (d) => diagnostics.push(d),
  });
  return { table, diagnostics };
}

Deno.test("every number is read exactly as Number() reads it, whatever its digits", () => {
  const texts: string[] = [];
  let seed = 7;
  const digits = (count: number) =>
    Array.from({ length: count }, () => ((seed = (seed * 48271) % 2147483647) % 10).toString()).join("");
  for (let whole = 0; whole <= 12; whole++) {
    for (let fraction = 0; fraction <= 15 - whole; fraction++) {
      const number = `${whole ? digits(whole) : "0"}${fraction ? `.${digits(fraction)}` : ""}`;
      texts.push(number, `-${number}`, `"${number}"`);
    }
  }
  texts.push("1781445900.04", "-86.6225942", "1e3", "2.5E-2", "12345678901234567890", "+7");
  const { table, diagnostics } = scan(texts.join("\n") + "\n");
  assert.deepEqual(diagnostics, []);
  assert.equal(table.rows, texts.length);
  texts.forEach((text, i) => {
    assert.ok(
      Object.is(table.values[0][i], Number(text.replaceAll('"', ""))),
      `${text}: ${table.values[0][i]}`,
    );
  });
});

Deno.test("a column's factor converts every value; a bad optional value stays NaN and is reported", () => {
  const { table, diagnostics } = scan("0,36\n1,x\n2,72.0\n", [
    { field: 0, name: "t", required: true },
    { field: 1, name: "speed", factor: 1 / 3.6 },
  ]);
  assert.equal(table.rows, 3);
  assert.deepEqual(Array.from(table.values[1]), [10, NaN, 20]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.column]), [["non_numeric", 2, 2]]);
});

Deno.test("a bad field is reported by kind, with its line and column; the row is skipped", () => {
  const { table, diagnostics } = scan(
    ["1", '""', "abc", "NaN", "-inf", "1e5x", "1e999", '"2.5"', "3"].join("\n") + "\n",
  );
  assert.deepEqual(Array.from(table.values[0]), [1, 2.5, 3]);
  assert.deepEqual(Array.from(table.lines), [1, 8, 9]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.column]), [
    ["empty_field", 2, 1],
    ["non_numeric", 3, 1],
    ["nan", 4, 1],
    ["nan", 5, 1],
    ["non_numeric", 6, 1],
    ["nan", 7, 1],
  ]);
});

Deno.test("blank lines and lines of spaces only are skipped without a report, as a space-separated table's", () => {
  const { table, diagnostics } = scan("1\n\n   \n2\r\n  \r\n3\n   ");
  assert.deepEqual(Array.from(table.values[0]), [1, 2, 3]);
  assert.deepEqual(Array.from(table.lines), [1, 4, 6]);
  assert.deepEqual(diagnostics, []);
  const spacedReports: DiagnosticInput[] = [];
  const spaced = scanNumericTable(new TextEncoder().encode(" 1 2\r\n   \r\n 3 4\r\n  "), {
    file: "t.vbo",
    start: 0,
    firstLine: 1,
    separator: " ",
    columns: [{ field: 0, name: "a", required: true }, { field: 1, name: "b" }],
    fieldCount: 2,
    report: (d) => spacedReports.push(d),
  });
  assert.deepEqual(Array.from(spaced.values[1]), [2, 4]);
  assert.deepEqual(spacedReports, []);
});
