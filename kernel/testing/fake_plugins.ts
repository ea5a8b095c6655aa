/**
 * Tiny fake plugins for kernel tests, each named for what it proves.
 *
 * @module
 */

import {
  artifact,
  type ArtifactKey,
  DataError,
  defineFormat,
  definePlugin,
  defineStage,
  type PluginManifest,
  type Session,
  SessionKey,
} from "../../sdk/mod.ts";

/** Artifact keys used by the fakes. */
export const A = artifact<number>("fake-a", "a number");
/** Second fake artifact. */
export const B = artifact<number>("fake-b", "a number");
/** Third fake artifact. */
export const C = artifact<number>("fake-c", "a number");

/** A format reading files that start with `FAKE`: one row per following line, `time,speed`. */
export const fakeFormatPlugin: PluginManifest = definePlugin({
  id: "fake-format",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Reads FAKE files.",
  formats: [defineFormat({
    id: "fake",
    name: "Fake log",
    extensions: [".fake"],
    sniff: (head) => head.startsWith("FAKE"),
    parse(bytes, ctx): Session {
      const lines = new TextDecoder().decode(bytes).trim().split("\n").slice(1);
      if (lines.length === 0) throw new DataError("no data rows", { file: ctx.file, line: 2 });
      const timeS = Float64Array.from(lines, (l) => Number(l.split(",")[0]));
      const speedMps = Float64Array.from(lines, (l) => Number(l.split(",")[1]));
      return {
        file: ctx.file,
        format: "fake",
        rows: lines.length,
        channels: {
          timeS,
          speedMps,
          latDeg: new Float64Array(lines.length),
          lonDeg: new Float64Array(lines.length),
        },
        sourceLine: Int32Array.from(lines, (_, i) => i + 2),
        startUnixS: null,
        trackNameHint: null,
        lapMarkers: [],
        metadata: {},
      };
    },
  })],
});

/** A plugin with one stage mapping `consumes` to `produces` through `fn`. */
export function stagePlugin(
  id: string,
  consumes: Record<string, ArtifactKey<unknown>>,
  produces: Record<string, ArtifactKey<number>>,
  fn: (inputs: Record<string, unknown>, signal: AbortSignal) => number | Promise<number> = () => 1,
): PluginManifest {
  return definePlugin({
    id,
    version: "1.0.0",
    sdk: "^1.0",
    description: `fake ${id}`,
    stages: [defineStage({
      id: `${id}-stage`,
      description: `fake stage of ${id}`,
      consumes,
      produces,
      async run(ctx, inputs) {
        const value = await fn(inputs, ctx.signal);
        return Object.fromEntries(Object.keys(produces).map((k) => [k, value]));
      },
    })],
  });
}

/** Produces A from the session: the row count. */
export const rowCounter = stagePlugin(
  "row-counter",
  { session: SessionKey },
  { a: A },
  (i) => (i.session as Session).rows,
);

/** Throws on every run: a buggy plugin. */
export const throwingStage = (produces: ArtifactKey<number>) =>
  stagePlugin("thrower", { session: SessionKey }, { out: produces }, () => {
    throw new Error("boom");
  });

/** Waits until the run is cancelled, then rejects with the signal's reason. */
export const waitingForAbort = stagePlugin(
  "waiter",
  { session: SessionKey },
  { b: B },
  (_i, signal) =>
    new Promise((_resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    }),
);

/** A minimal FAKE file: four samples. */
export const FAKE_FILE = new TextEncoder().encode("FAKE\n0,1\n1,2\n2,3\n3,4\n");
