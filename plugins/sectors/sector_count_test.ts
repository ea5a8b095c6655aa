import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type DiagnosticInput } from "../../sdk/mod.ts";
import { DEFAULT_SECTOR_COUNT, MAX_SECTOR_COUNT, sectorCount } from "./sector_count.ts";

const countFrom = (plugins: Record<string, Record<string, unknown>>) => {
  const diagnostics: DiagnosticInput[] = [];
  const count = sectorCount({ ...DEFAULT_SETTINGS, plugins }, (d) => diagnostics.push(d));
  return { count, diagnostics };
};

Deno.test("the sector count defaults to 20 and takes a whole number from 1 to 500", () => {
  assert.equal(DEFAULT_SECTOR_COUNT, 20);
  assert.deepEqual(countFrom({}), { count: 20, diagnostics: [] });
  assert.deepEqual(countFrom({ sectors: {} }), { count: 20, diagnostics: [] });
  for (const n of [1, 7, MAX_SECTOR_COUNT]) {
    assert.deepEqual(countFrom({ sectors: { count: n } }), { count: n, diagnostics: [] });
  }
});

Deno.test("a bad sector count falls back to 20 with a warning that names the value", () => {
  for (const bad of [0, -3, 2.5, MAX_SECTOR_COUNT + 1, "12", null, NaN, Infinity]) {
    const { count, diagnostics } = countFrom({ sectors: { count: bad } });
    assert.equal(count, 20);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, "warning");
    assert.match(diagnostics[0].message, /whole number from 1 to 500/);
    assert.ok(diagnostics[0].message.includes(JSON.stringify(bad)), diagnostics[0].message);
  }
});
