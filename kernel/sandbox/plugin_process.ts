/**
 * One sandboxed plugin's process: started with `deno run` and no network,
 * environment, write, subprocess, FFI, system-information or remote-import
 * access, read access only to the plugin's folder and the SDK, and a V8
 * heap limit. Requests go over its stdin and answers come back over its
 * stdout as frames of `wire.ts`; its stderr (the plugin's console) is
 * relayed to the workbench's, each line prefixed with the plugin's folder.
 *
 * One request at a time: callers queue. While a request is out, a timer
 * enforces the time limit and the process's resident memory is read every
 * few milliseconds; past either limit the process is killed. A kill, a crash
 * (V8 aborts the process when its heap limit is reached) or a broken frame
 * marks the plugin unhealthy: that request and every later one fail with the
 * reason. Between requests nothing of the plugin runs (it is blocked reading
 * its stdin) and the process does not keep the workbench alive.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import type { HostMessage, WorkerMessage } from "./protocol.ts";
import { residentMiB } from "./process_memory.ts";
import { decodeFrame, encodeFrame, type EncodeHooks, PREFIX_BYTES, readPrefix } from "./wire.ts";

/** Limits applied to every sandboxed call. */
export interface SandboxLimits {
  /** Longest a single call (or the module's loading) may take, ms. */
  timeLimitMs: number;
  /** Most resident memory the plugin's process may use, MiB (also its V8 heap limit). */
  memoryLimitMb: number;
}

/** Limits used when none are given: 10 s per call, 1 GiB per plugin process. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = Object.freeze({
  timeLimitMs: 10_000,
  memoryLimitMb: 1024,
});

/** Whether a plugin can still be called. */
export interface PluginHealth {
  /** `unhealthy` after a crash, time-out or memory overrun; it stays so until restart. */
  status: "healthy" | "unhealthy";
  /** Why it is unhealthy. */
  reason?: string;
}

/** How one request is sent and answered. */
export interface RequestOptions {
  /** What is being done, for the reason of a time-out (`stage "x"`). */
  what: string;
  /** Replaces values in the request that are not sent now (see `value_ledger.ts`). */
  encode?: EncodeHooks;
  /** Answers the process's `fetch` of lazy values; without it a fetch fails the request. */
  fetch?(ids: number[]): Record<string, unknown>;
}

/** A running plugin process. */
export interface PluginProcess {
  /** Sends one request (after the ones before it) and resolves with its final answer. */
  request(message: HostMessage, options: RequestOptions): Promise<WorkerMessage>;
  /** Current health. */
  health(): PluginHealth;
  /** Kills the process; later requests fail. */
  close(): void;
}

const MEMORY_POLL_MS = 5;
/** Lines of the plugin's stderr kept to explain a crash. */
const STDERR_TAIL_LINES = 5;

const ENTRY = fileURLToPath(new URL("./worker_entry.ts", import.meta.url));
/** The SDK's folder: a plugin imports it, so its process may read it (it holds no data). */
const SDK_FOLDER = fileURLToPath(new URL("../../sdk/", import.meta.url));

/** Starts the process for the plugin in `folder` (a path ending in `/`). */
export function startPluginProcess(folder: string, limits: SandboxLimits): PluginProcess {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--no-config",
      "--no-lock",
      "--no-npm",
      "--no-remote",
      "--no-prompt",
      `--allow-read=${folder},${SDK_FOLDER}`,
      `--v8-flags=--max-old-space-size=${Math.max(16, Math.round(limits.memoryLimitMb))}`,
      ENTRY,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: childEnvironment(),
    clearEnv: true,
  }).spawn();
  child.unref();
  const stdin = child.stdin.getWriter();
  const frames = new FrameReader(child.stdout.getReader(), limits.memoryLimitMb * 2 ** 20);
  const stderrTail: string[] = [];
  relayLines(child.stderr, folder, stderrTail);

  let health: PluginHealth = { status: "healthy" };
  let queue: Promise<unknown> = Promise.resolve();
  let failCurrent: ((reason: string) => void) | null = null;

  const fail = (reason: string) => {
    if (health.status === "healthy") health = { status: "unhealthy", reason };
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
    failCurrent?.(health.reason!);
  };
  /** Why the process ended by itself, from its exit status and last words. */
  const crashReason = async () => {
    const status = await child.status;
    const said = stderrTail.join(" ").replace(/\s+/g, " ").trim();
    if (/out of memory|heap limit/i.test(said)) {
      return `crashed: ran out of memory (the ${limits.memoryLimitMb} MiB memory limit)`;
    }
    const how = status.signal ? `signal ${status.signal}` : `exit code ${status.code}`;
    return `crashed (${how})${said ? `: ${said.slice(-300)}` : ""}`;
  };

  const exchange = async (message: HostMessage, options: RequestOptions): Promise<WorkerMessage> => {
    await write(stdin, encodeFrame(message, options.encode));
    for (;;) {
      const answer = await frames.next() as WorkerMessage | null;
      if (answer === null) throw new Error(await crashReason());
      if (answer.kind !== "fetch") return answer;
      if (!options.fetch) throw new Error("sandbox protocol: unexpected fetch");
      await write(stdin, encodeFrame({ kind: "values", values: options.fetch(answer.ids) }));
    }
  };

  const run = (message: HostMessage, options: RequestOptions) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      if (health.status === "unhealthy") {
        reject(new Error(`plugin is unhealthy (${health.reason}); not run`));
        return;
      }
      child.ref();
      const timer = setTimeout(
        () => fail(`${options.what} exceeded the ${limits.timeLimitMs} ms time limit; process killed`),
        limits.timeLimitMs,
      );
      const memory = setInterval(() => {
        const used = residentMiB(child.pid);
        if (used > limits.memoryLimitMb) {
          fail(`${options.what} used more than the ${limits.memoryLimitMb} MiB memory limit; process killed`);
        }
      }, MEMORY_POLL_MS);
      const settle = () => {
        clearTimeout(timer);
        clearInterval(memory);
        failCurrent = null;
        child.unref();
      };
      failCurrent = (reason) => (settle(), reject(new Error(reason)));
      exchange(message, options).then(
        (answer) => (settle(), resolve(answer)),
        (error: Error) => {
          if (!failCurrent) return; // already failed by a limit
          fail(error.message);
        },
      );
    });

  return {
    request(message, options) {
      const result = queue.then(() => run(message, options));
      queue = result.catch(() => {});
      return result;
    },
    health: () => ({ ...health }),
    close: () => fail("closed"),
  };
}

/**
 * The process's environment: only what Deno needs to find its cache. The
 * plugin cannot read it anyway (no env permission), but the workbench's
 * secrets (API keys, OAuth client secret) are not even in its memory.
 */
function childEnvironment(): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const name of ["HOME", "DENO_DIR", "XDG_CACHE_HOME"]) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Writes an encoded frame's parts in order. */
async function write(
  stdin: WritableStreamDefaultWriter<Uint8Array>,
  frame: { parts: Uint8Array[] },
): Promise<void> {
  for (const part of frame.parts) await stdin.write(part);
}

/** Relays a stream's lines to the workbench's stderr with a prefix, keeping the last few. */
async function relayLines(stream: ReadableStream<Uint8Array>, prefix: string, tail: string[]): Promise<void> {
  let pending = "";
  const decoder = new TextDecoder();
  try {
    for await (const chunk of stream) {
      const lines = (pending + decoder.decode(chunk, { stream: true })).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        console.error(`[plugin ${prefix}] ${line}`);
        tail.push(line);
        if (tail.length > STDERR_TAIL_LINES) tail.shift();
      }
    }
  } catch {
    // the process was killed mid-line
  }
  if (pending) tail.push(pending);
}

/**
 * Reads whole frames from a byte stream, copying each frame's bytes once. A
 * frame larger than `maxBytes` (a plugin that writes its own bytes to stdout
 * could claim any size) is refused before anything is allocated for it.
 */
class FrameReader {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #maxBytes: number;
  #left: Uint8Array = new Uint8Array(0);

  constructor(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number) {
    this.#reader = reader;
    this.#maxBytes = maxBytes;
  }

  /** The next frame's message, or `null` when the stream ended. */
  async next(): Promise<unknown> {
    const prefixBytes = new Uint8Array(PREFIX_BYTES);
    if (!await this.#fill(prefixBytes)) return null;
    const prefix = readPrefix(prefixBytes);
    if (prefix.headerSpan + prefix.binaryLength > this.#maxBytes) {
      throw new Error(
        `sent a frame of ${prefix.headerSpan + prefix.binaryLength} bytes, more than its memory limit`,
      );
    }
    const header = new Uint8Array(prefix.headerSpan);
    const binary = new Uint8Array(prefix.binaryLength);
    if (!await this.#fill(header) || !await this.#fill(binary)) return null;
    return decodeFrame(header.subarray(0, prefix.headerLength), binary);
  }

  /** Fills `target` completely; false when the stream ends first. */
  async #fill(target: Uint8Array): Promise<boolean> {
    let offset = 0;
    while (offset < target.length) {
      if (this.#left.length === 0) {
        const { value, done } = await this.#reader.read();
        if (done) return false;
        this.#left = value;
      }
      const n = Math.min(this.#left.length, target.length - offset);
      target.set(this.#left.subarray(0, n), offset);
      this.#left = this.#left.subarray(n);
      offset += n;
    }
    return true;
  }
}
