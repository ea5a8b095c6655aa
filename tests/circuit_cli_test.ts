/**
 * `deno task circuit`, run as a user runs it (a subprocess): it writes a
 * valid circuit file drawn from a session on an unknown circuit, and
 * refuses, with the reason, a session on a known circuit, a file with no
 * complete lap, an existing file and a missing name.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCircuit } from "../plugins/tracks/mod.ts";
import { haveSessions } from "../sdk/testing/mod.ts";
import { movedRaceChrono } from "./moved_session.ts";
import { runCli } from "./cli_run.ts";
import { SESSIONS_DIR } from "./server_harness.ts";

const circuitCli = (...args: string[]) => runCli("circuit.ts", ...args);

Deno.test({
  name: "circuit: writes the circuit file of an unknown circuit's session; refusals say why",
  ignore: !haveSessions(),
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "circuit-cli-" });
    try {
      const roebling = await Deno.readTextFile(join(SESSIONS_DIR, "roebling-6laps.csv"));
      const moved = join(dir, "north.csv"), lapless = join(dir, "lapless.csv");
      await Deno.writeTextFile(moved, movedRaceChrono(roebling));
      // The first 1500 rows (60 s, part of the out-lap), without lap numbers: no lap at all.
      const head = movedRaceChrono(roebling, { dropLapNumbers: true }).split("\n");
      const firstData = head.findIndex((l) => l.startsWith("timestamp,")) + 3;
      await Deno.writeTextFile(lapless, head.slice(0, firstData + 1500).join("\n") + "\n");

      const made = await circuitCli(moved, "--name", "Roebling North", "--out", dir);
      assert.equal(made.code, 0, made.stderr);
      assert.match(
        made.stdout,
        /roebling-north\.json: Roebling North, 3\.20\d km, \d+ corners, line from 6 laps/,
      );
      const parsed = parseCircuit(
        await Deno.readTextFile(join(dir, "roebling-north.json")),
        "roebling-north.json",
      );
      assert.ok(
        parsed.ok && parsed.track.corners.length >= 8,
        "a valid circuit file with the session's corners",
      );

      const again = await circuitCli(moved, "--name", "Roebling North", "--out", dir);
      assert.deepEqual(
        [again.code, /roebling-north\.json.*exists/i.test(again.stderr)],
        [2, true],
        again.stderr,
      );
      const known = await circuitCli(
        join(SESSIONS_DIR, "roebling-6laps.csv"),
        "--name",
        "Mine",
        "--out",
        dir,
      );
      assert.equal(known.code, 2);
      assert.match(
        known.stderr,
        /driven on Roebling Road Raceway \(roebling-road-raceway\), a circuit the workbench knows/,
      );
      const none = await circuitCli(lapless, "--name", "Nowhere", "--out", dir);
      assert.equal(none.code, 2);
      assert.match(
        none.stderr,
        /lapless\.csv: the circuit is unknown, the file has no lap markers and the trace passes/,
      );
      const unnamed = await circuitCli(moved, "--out", dir);
      assert.equal(unnamed.code, 2);
      assert.match(unnamed.stderr, /usage: deno task circuit FILE --name NAME/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
