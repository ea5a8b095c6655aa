/**
 * Runs an untrusted plugin's stages in a Deno Worker with minimal
 * permissions: no network, environment, subprocess, FFI, system-information
 * or write access, and read access only to the plugin's own folder and the
 * SDK it imports. The host
 * gets back a manifest whose stages have the same API as in-process ones;
 * each call posts the inputs (each typed array copied whole with one memcpy
 * and its buffer transferred, never serialised element by element) and receives the outputs with their buffers transferred.
 *
 * Every call has a time limit, and while a call runs the host watches the
 * process's resident memory: past either limit the worker is terminated. A
 * time-out, a memory overrun or a crash marks the plugin unhealthy; its
 * pending and later calls fail with the reason, which the runner reports as
 * a diagnostic naming the plugin and stage, and the rest of the run goes on.
 *
 * Limit of the memory guard: it measures the whole process, so a large
 * in-process allocation during a sandboxed call counts against the plugin.
 *
 * @module
 */

import type { AnyStage, PluginManifest, StageContext } from "../../sdk/mod.ts";
import {
  type HostMessage,
  type ManifestDescription,
  transferableCopy,
  type WorkerMessage,
} from "./protocol.ts";

/** Limits applied to every sandboxed call. */
export interface SandboxLimits {
  /** Longest a single stage call (or the module's loading) may take, ms. */
  timeLimitMs: number;
  /** Largest growth of the process's resident memory during a call, MiB. */
  memoryLimitMb: number;
}

/** Limits used when none are given: 10 s per call, 1 GiB of growth. */
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

/** A plugin running in its own worker. */
export interface SandboxedPlugin {
  /** The manifest, with stages that call into the worker. */
  manifest: PluginManifest;
  /** Contributions the module declares that cannot run in a worker (`routes`, `services`, `formats`). */
  inProcessOnly: readonly string[];
  /** Current health. */
  health(): PluginHealth;
  /** Terminates the worker; later calls fail. */
  close(): void;
}

const MEMORY_POLL_MS = 5;

/** The SDK's folder: a plugin imports it, so its worker may read it (it holds no data). */
const SDK_FOLDER = new URL("../../sdk/", import.meta.url);

interface PendingCall {
  resolve(message: WorkerMessage): void;
  reject(error: Error): void;
}

/**
 * Starts a worker for the plugin module at `moduleUrl` (a `mod.ts` in its
 * own folder) and returns its manifest. Rejects when the module cannot be
 * loaded in time or exports no manifest; the worker is then terminated.
 */
export async function loadSandboxed(
  moduleUrl: URL,
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): Promise<SandboxedPlugin> {
  const worker = new Worker(new URL("./worker_entry.ts", import.meta.url), {
    type: "module",
    name: `plugin ${moduleUrl.pathname}`,
    deno: {
      permissions: {
        read: [new URL("./", moduleUrl), SDK_FOLDER],
        net: false,
        env: false,
        write: false,
        run: false,
        ffi: false,
        sys: false,
        import: false,
      },
    },
  } as WorkerOptions);
  let health: PluginHealth = { status: "healthy" };
  const pending = new Map<number, PendingCall>();
  let nextCall = 1;
  let memoryTimer: ReturnType<typeof setInterval> | undefined;
  let rssBaseline = 0;

  const fail = (reason: string) => {
    if (health.status === "unhealthy") return;
    health = { status: "unhealthy", reason };
    worker.terminate();
    if (memoryTimer !== undefined) clearInterval(memoryTimer);
    memoryTimer = undefined;
    for (const call of pending.values()) call.reject(new Error(reason));
    pending.clear();
  };
  const watchMemory = () => {
    if (memoryTimer !== undefined) return;
    rssBaseline = Deno.memoryUsage().rss;
    memoryTimer = setInterval(() => {
      const grownMb = (Deno.memoryUsage().rss - rssBaseline) / 2 ** 20;
      if (grownMb > limits.memoryLimitMb) {
        fail(`used more than the ${limits.memoryLimitMb} MiB memory limit; worker terminated`);
      }
    }, MEMORY_POLL_MS);
  };
  const settle = (call: number) => {
    pending.delete(call);
    if (pending.size === 0 && memoryTimer !== undefined) {
      clearInterval(memoryTimer);
      memoryTimer = undefined;
    }
  };
  /**
   * Sends one request and waits for its answer within the time limit. The
   * memory guard watches stage calls only: starting a worker and loading its
   * module grows the process by a fixed amount, more so when several plugins
   * load at once, which is not the plugin's doing.
   */
  const request = (
    call: number,
    message: HostMessage,
    what: string,
    guardMemory: boolean,
  ): Promise<WorkerMessage> => {
    if (health.status === "unhealthy") {
      return Promise.reject(new Error(`plugin is unhealthy (${health.reason}); not run`));
    }
    return new Promise<WorkerMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(`${what} exceeded the ${limits.timeLimitMs} ms time limit; worker terminated`),
        limits.timeLimitMs,
      );
      const done = () => {
        clearTimeout(timer);
        settle(call);
      };
      pending.set(call, {
        resolve: (m) => (done(), resolve(m)),
        reject: (e) => (done(), reject(e)),
      });
      if (guardMemory) watchMemory();
      const { copy, transfer } = transferableCopy(message);
      worker.postMessage(copy, { transfer });
    });
  };

  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    const call = "call" in message ? message.call : 0;
    pending.get(call)?.resolve(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`crashed: ${event.message}`);
  };
  worker.onmessageerror = () => fail("sent a message that could not be read");

  const loaded = await request(0, { kind: "load", moduleUrl: moduleUrl.href }, "loading the module", false)
    .catch((error: Error) => ({ kind: "load-failed", message: error.message }) as WorkerMessage);
  if (loaded.kind !== "loaded") {
    fail("not loaded");
    throw new Error(loaded.kind === "load-failed" ? loaded.message : "unexpected answer from the worker");
  }
  const description: ManifestDescription = loaded.manifest;

  const proxyStage = (stageId: string): AnyStage["run"] => async (ctx: StageContext, inputs) => {
    const call = nextCall++;
    const answer = await request(
      call,
      { kind: "run", call, stage: stageId, settings: ctx.settings, inputs },
      `stage "${stageId}"`,
      true,
    );
    if (answer.kind !== "result" && answer.kind !== "failed") {
      throw new Error("unexpected answer from the worker");
    }
    for (const d of answer.diagnostics) ctx.report(d);
    if (answer.kind === "failed") throw new Error(answer.message);
    return answer.outputs;
  };

  const manifest: PluginManifest = {
    id: description.id,
    version: description.version,
    sdk: description.sdk,
    description: description.description,
    stages: description.stages.map((s) => ({
      id: s.id,
      description: s.description,
      consumes: s.consumes,
      produces: s.produces,
      run: proxyStage(s.id),
    })),
    views: description.views as PluginManifest["views"],
  };
  return {
    manifest,
    inProcessOnly: description.inProcessOnly,
    health: () => ({ ...health }),
    close: () => fail("closed"),
  };
}
