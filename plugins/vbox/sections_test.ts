import assert from "node:assert/strict";
import { DataError } from "../../sdk/mod.ts";
import { readVboLayout } from "./sections.ts";

Deno.test("sections, the creation line and the data start are found", () => {
  const text =
    "File created on 14/06/2026 @ 14:05:00\r\n\r\n[header]\r\ntime\r\nlatitude\r\n\r\n[comments]\r\n" +
    "Track: X\r\n[column names]\r\ntime lat\r\n[data]\r\n140500.00 +02011.84504\r\n";
  const layout = readVboLayout(new TextEncoder().encode("\ufeff" + text), "t.vbo");
  assert.equal(layout.firstLine, "File created on 14/06/2026 @ 14:05:00");
  assert.deepEqual(layout.sections, {
    header: ["time", "latitude"],
    comments: ["Track: X"],
    "column names": ["time lat"],
  });
  assert.equal(layout.columnNamesLine, 9);
  assert.equal(layout.dataLine, 12);
  assert.equal(layout.bom, true);
  assert.equal(
    new TextDecoder().decode(new TextEncoder().encode("\ufeff" + text).subarray(layout.dataStart)),
    "140500.00 +02011.84504\r\n",
  );
});

Deno.test("no [data] section: a DataError", () => {
  assert.throws(() => readVboLayout(new TextEncoder().encode("[header]\ntime\n"), "t.vbo"), DataError);
});
