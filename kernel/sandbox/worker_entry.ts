/**
 * The program a sandboxed plugin runs in: its own `deno run` process
 * (started by `host.ts` with no network, environment, write, subprocess,
 * FFI, system-information or remote-import access, read access only to the
 * plugin's folder and the SDK, and a V8 heap limit). It imports the plugin
 * module, describes the manifest, and runs stages and logger formats on
 * request.
 *
 * It speaks the frames of `wire.ts` on stdin and stdout, synchronously: it
 * blocks reading its next request, so between calls nothing of the plugin
 * runs. Inputs the workbench marks to keep stay here for later calls (sent
 * once as `$ref`s afterwards), and so do the outputs. A `$lazy` input is a
 * getter that asks the workbench for its value the first time the stage
 * reads it and waits for the answer, so only what the stage reads crosses.
 * The plugin's console output goes to stderr, which the workbench relays.
 *
 * @module
 */

import type { DiagnosticInput, PluginManifest, RunSettings } from "../../sdk/mod.ts";
import { inProcessOnlyKinds } from "./protocol.ts";
import type { HostMessage, ManifestDescription, WorkerMessage } from "./protocol.ts";
import {
  decodeFrame,
  type DecodeHooks,
  type EncodedFrame,
  encodeFrame,
  PREFIX_BYTES,
  readPrefix,
} from "./wire.ts";

/** Console methods that would write to stdout, which carries the frames. */
const STDOUT_CONSOLE = ["log", "info", "debug", "dir", "dirxml", "table"] as const;
for (const method of STDOUT_CONSOLE) console[method] = (...args: unknown[]) => console.error(...args);

let plugin: PluginManifest | null = null;
/** Values kept for later calls, by id. */
const kept = new Map<number, unknown>();
/** Lazy values not read yet: where each goes once it arrives, by id. */
const waiting = new Map<number, { owner: object; key: string | number }>();

/** Fills `target` from stdin; false at end of input (the workbench has gone). */
function readInto(target: Uint8Array): boolean {
  let offset = 0;
  while (offset < target.length) {
    const n = Deno.stdin.readSync(target.subarray(offset));
    if (n === null) return false;
    offset += n;
  }
  return true;
}

/** Reads the next frame; the process ends when the workbench has gone. */
function readMessage(hooks: DecodeHooks): HostMessage {
  const prefixBytes = new Uint8Array(PREFIX_BYTES);
  if (!readInto(prefixBytes)) Deno.exit(0);
  const prefix = readPrefix(prefixBytes);
  const header = new Uint8Array(prefix.headerSpan);
  const binary = new Uint8Array(prefix.binaryLength);
  if (!readInto(header) || !readInto(binary)) Deno.exit(0);
  return decodeFrame(header.subarray(0, prefix.headerLength), binary, hooks) as HostMessage;
}

/** Writes an encoded frame. */
function writeFrame({ parts }: EncodedFrame): void {
  try {
    for (const part of parts) {
      let offset = 0;
      while (offset < part.length) offset += Deno.stdout.writeSync(part.subarray(offset));
    }
  } catch {
    Deno.exit(0); // the workbench has gone
  }
}

/** Encodes and writes one message (the encoding happens before anything is written). */
function writeMessage(message: WorkerMessage): void {
  writeFrame(encodeFrame(message));
}

/** Makes `owner[key]` an own data property holding `value`. */
function settle(owner: object, key: string | number, value: unknown): void {
  Object.defineProperty(owner, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Asks the workbench for lazy value `id` (it may send more of the same kind) and stores what arrives. */
function fetchLazy(id: number): void {
  writeMessage({ kind: "fetch", ids: [id] });
  const answer = readMessage({});
  if (answer.kind !== "values") throw new Error(`sandbox protocol: expected values, got "${answer.kind}"`);
  for (const [key, value] of Object.entries(answer.values)) {
    const target = waiting.get(Number(key));
    if (!target) continue;
    waiting.delete(Number(key));
    settle(target.owner, target.key, value);
  }
  if (waiting.has(id)) throw new Error("sandbox protocol: the workbench did not send a value asked for");
}

/** How a request's `$ref`s and `$lazy`s become values here. */
const requestHooks: DecodeHooks = {
  ref(id) {
    if (!kept.has(id)) throw new Error(`sandbox protocol: no kept value ${id}`);
    return kept.get(id);
  },
  lazy(id, owner, key) {
    waiting.set(id, { owner, key });
    Object.defineProperty(owner, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (waiting.has(id)) fetchLazy(id);
        return (owner as Record<string | number, unknown>)[key];
      },
      set(value) {
        waiting.delete(id);
        settle(owner, key, value);
      },
    });
  },
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether `error` is the runtime refusing a permission the plugin was not given. */
function isDenial(error: unknown): boolean {
  return error instanceof Deno.errors.NotCapable || /^Requires \w+ access/.test(messageOf(error));
}

function describe(manifest: PluginManifest): ManifestDescription {
  const keys = (map: Record<string, { id: string; description: string }>) =>
    Object.fromEntries(
      Object.entries(map).map(([name, k]) => [name, { id: k.id, description: k.description }]),
    );
  let views: unknown[] = [];
  try {
    views = structuredClone([...(manifest.views ?? [])]);
  } catch {
    views = [];
  }
  return {
    id: manifest.id,
    version: manifest.version,
    sdk: manifest.sdk,
    description: manifest.description,
    stages: (manifest.stages ?? []).map((s) => ({
      id: s.id,
      description: s.description,
      consumes: keys(s.consumes),
      produces: keys(s.produces),
    })),
    formats: (manifest.formats ?? []).map((f) => ({ id: f.id, name: f.name, extensions: [...f.extensions] })),
    views,
    inProcessOnly: inProcessOnlyKinds(manifest),
    settings: manifest.settings,
  };
}

async function load(moduleUrl: string): Promise<void> {
  try {
    const mod = await import(moduleUrl);
    const manifest = mod.default as PluginManifest | undefined;
    if (!manifest || typeof manifest !== "object" || typeof manifest.id !== "string") {
      throw new Error("mod.ts has no default export made with definePlugin()");
    }
    const frame = encodeFrame({ kind: "loaded", manifest: describe(manifest) } satisfies WorkerMessage);
    plugin = manifest;
    writeFrame(frame);
  } catch (error) {
    writeMessage({ kind: "load-failed", message: messageOf(error) });
  }
}

/** The answer to a call that threw. */
function failure(error: unknown, diagnostics: DiagnosticInput[]): WorkerMessage {
  const dataError = error instanceof Error && error.name === "DataError"
    ? { ...(error as Error & { location?: object }).location }
    : undefined;
  return { kind: "failed", message: messageOf(error), denied: isDenial(error), dataError, diagnostics };
}

async function run(request: Extract<HostMessage, { kind: "run" }>): Promise<void> {
  for (const id of request.drop) {
    kept.delete(id);
    waiting.delete(id);
  }
  const { inputs } = request;
  for (const [name, id] of Object.entries(request.keepInputs)) {
    const value = Object.getOwnPropertyDescriptor(inputs, name)?.value;
    if (typeof value === "object" && value !== null) kept.set(id, value);
  }
  const diagnostics: DiagnosticInput[] = [];
  const stage = plugin?.stages?.find((s) => s.id === request.stage);
  try {
    if (!plugin || !stage) throw new Error(`no stage "${request.stage}" in this plugin`);
    const outputs = await stage.run({
      plugin: plugin.id,
      stage: stage.id,
      settings: request.settings as RunSettings,
      signal: new AbortController().signal,
      report: (d) => diagnostics.push({ ...d }),
    }, inputs) as Record<string, unknown>;
    // An output that cannot cross throws here and fails the call.
    const frame = encodeFrame({ kind: "result", outputs, diagnostics } satisfies WorkerMessage);
    for (const [name, id] of Object.entries(request.keepOutputs)) {
      const value = outputs?.[name];
      if (typeof value === "object" && value !== null) kept.set(id, value);
    }
    writeFrame(frame);
  } catch (error) {
    writeMessage(failure(error, diagnostics));
  }
}

function formatOf(id: string) {
  const format = plugin?.formats?.find((f) => f.id === id);
  if (!format) throw new Error(`no format "${id}" in this plugin`);
  return format;
}

async function sniff(request: Extract<HostMessage, { kind: "sniff" }>): Promise<void> {
  try {
    const accepted = await formatOf(request.format).sniff(request.head);
    writeMessage({ kind: "sniffed", accepted: accepted === true });
  } catch (error) {
    writeMessage(failure(error, []));
  }
}

async function parse(request: Extract<HostMessage, { kind: "parse" }>): Promise<void> {
  const diagnostics: DiagnosticInput[] = [];
  try {
    const session = await formatOf(request.format).parse(request.bytes, {
      file: request.file,
      settings: request.settings as RunSettings,
      signal: new AbortController().signal,
      report: (d) => diagnostics.push({ ...d }),
    });
    const frame = encodeFrame({ kind: "result", outputs: { session }, diagnostics } satisfies WorkerMessage);
    if (typeof session === "object" && session !== null) kept.set(request.keepSession, session);
    writeFrame(frame);
  } catch (error) {
    writeMessage(failure(error, diagnostics));
  }
}

// An orphan (the workbench killed while a stage waits on a timer) ends at the next tick of its event loop.
const parent = Deno.ppid;
setInterval(() => Deno.ppid !== parent && Deno.exit(0), 1000);

while (true) {
  const request = readMessage(requestHooks);
  if (request.kind === "load") await load(request.moduleUrl);
  else if (request.kind === "run") await run(request);
  else if (request.kind === "sniff") await sniff(request);
  else if (request.kind === "parse") await parse(request);
  else throw new Error(`sandbox protocol: unexpected "${request.kind}"`);
}
