import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readReferenceSession } from "./reference.ts";
import { haveSynthTool, resimulate, SYNTH_TOOL, synthSession } from "./synth.ts";
import type { Truth } from "./truth.ts";

/** Stands in for python3: writes an empty session, and a truth listing the arguments it was given. */
const RECORDING_PYTHON = `#!/bin/sh
out=""; prev=""
for a in "$@"; do [ "$prev" = "--out" ] && out="$a"; prev="$a"; done
: > "$out"
{ printf '{"args": ['; sep=""; for a in "$@"; do printf '%s"%s"' "$sep" "$a"; sep=", "; done; printf ']}'; } \\
  > "$out.truth.json"
`;

/** Stands in for a python3 without numpy. */
const FAILING_PYTHON = `#!/bin/sh
echo "ModuleNotFoundError: No module named 'numpy'" >&2
exit 1
`;

async function script(dir: string, name: string, text: string): Promise<string> {
  const path = `${dir}/${name}`;
  await Deno.writeTextFile(path, text, { mode: 0o755 });
  return path;
}

Deno.test("synthSession runs the tool with the given interpreter, the tool's path first", async () => {
  const dir = await Deno.makeTempDir({ prefix: "synth-test-" });
  try {
    const out = `${dir}/s.csv`;
    const python = await script(dir, "python", RECORDING_PYTHON);
    const synth = await synthSession({ track: "roebling-road-raceway", laps: 2, seed: 7, out, python });
    assert.equal(synth.file, out);
    assert.deepEqual((synth.truth as unknown as { args: string[] }).args, [
      fileURLToPath(SYNTH_TOOL),
      ...["--track", "roebling-road-raceway", "--format", "racechrono", "--laps", "2", "--seed", "7"],
      ...["--out", out],
    ]);
    await synth[Symbol.asyncDispose]();
    assert.ok((await Deno.stat(out)).isFile, "a file written to `out` is kept");

    const failing = await script(dir, "python-without-numpy", FAILING_PYTHON);
    await assert.rejects(
      () => synthSession({ track: "roebling-road-raceway", python: failing }),
      /failed \(exit 1\): ModuleNotFoundError: No module named 'numpy'/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("resimulate asks for the truth's session again, with every driving option, in the given format", async () => {
  const dir = await Deno.makeTempDir({ prefix: "synth-test-" });
  try {
    const python = await script(dir, "python", RECORDING_PYTHON);
    const args = {
      track: "barber-motorsports-park",
      laps: 8,
      hours: 0,
      seed: 4,
      rate: 20,
      format: "racechrono",
      skill: 0.5,
      consistency: 1.5,
      mistakes: 0.2,
      gps_noise: 0.6,
      bad_patches: false,
      no_out_in: true,
      faults: true,
      start: "2026-06-14T14:05:00Z",
    } as const;
    const out = `${dir}/s.vbo`;
    const synth = await resimulate({ args } as unknown as Truth, "vbox", { out, python });
    assert.deepEqual((synth.truth as unknown as { args: string[] }).args.slice(1), [
      ...[
        "--track",
        "barber-motorsports-park",
        "--format",
        "vbox",
        "--laps",
        "8",
        "--seed",
        "4",
        "--rate",
        "20",
      ],
      ...["--skill", "0.5", "--consistency", "1.5", "--mistakes", "0.2", "--gps-noise", "0.6"],
      ...["--start", "2026-06-14T14:05:00Z", "--no-bad-patches", "--no-out-in", "--out", out],
    ]);
    const long = await resimulate({ args: { ...args, hours: 2 } } as unknown as Truth, "aim", {
      out,
      python,
    });
    const longArgs = (long.truth as unknown as { args: string[] }).args;
    assert.ok(
      longArgs.includes("--hours") && !longArgs.includes("--laps"),
      "a session made by length keeps it",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "synthSession writes the asked session and its truth to a temporary folder, removed on dispose",
  ignore: !haveSynthTool(),
  async fn() {
    let file = "";
    {
      await using synth = await synthSession({
        track: "roebling-road-raceway",
        laps: 1,
        seed: 3,
        format: "vbox",
      });
      file = synth.file;
      assert.match(file, /\.vbo$/);
      assert.equal(synth.truth.format, "vbox");
      assert.equal(synth.truth.track.slug, "roebling-road-raceway");
      assert.equal(synth.truth.args.seed, 3);
      assert.deepEqual(synth.truth.laps.map((lap) => lap.kind), ["out", "flying", "in"]);
      const { session } = await readReferenceSession(file);
      assert.equal(session.rows, synth.truth.rows);
    }
    await assert.rejects(() => Deno.stat(file), Deno.errors.NotFound);
  },
});
