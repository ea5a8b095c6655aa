/**
 * Messages between the sandbox host and a plugin's worker, and the helper
 * that finds the typed-array buffers a message can transfer instead of copy.
 *
 * @module
 */

import type { DiagnosticInput, PluginManifest, RunSettings } from "../../sdk/mod.ts";

/** An artifact key as it crosses the boundary (keys are plain data). */
export interface KeyDescription {
  /** Artifact id. */
  id: string;
  /** What it holds. */
  description: string;
}

/** A stage as the worker describes it to the host. */
export interface StageDescription {
  /** Stage id. */
  id: string;
  /** One sentence. */
  description: string;
  /** Consumed keys by input name. */
  consumes: Record<string, KeyDescription>;
  /** Produced keys by output name. */
  produces: Record<string, KeyDescription>;
}

/** A plugin manifest without its code, as the worker describes it to the host. */
export interface ManifestDescription {
  /** Plugin id. */
  id: string;
  /** Plugin version. */
  version: string;
  /** SDK range. */
  sdk: string;
  /** One sentence. */
  description: string;
  /** Its stages. */
  stages: StageDescription[];
  /** Views (plain data), when they survive a structured clone; otherwise empty. */
  views: unknown[];
  /** Contributions that cannot run in a worker (routes, services, formats), by kind. */
  inProcessOnly: string[];
}

/** Host to worker. */
export type HostMessage =
  | { kind: "load"; moduleUrl: string }
  | { kind: "run"; call: number; stage: string; settings: RunSettings; inputs: Record<string, unknown> };

/** Worker to host. */
export type WorkerMessage =
  | { kind: "loaded"; manifest: ManifestDescription }
  | { kind: "load-failed"; message: string }
  | { kind: "result"; call: number; outputs: Record<string, unknown>; diagnostics: DiagnosticInput[] }
  | { kind: "failed"; call: number; message: string; diagnostics: DiagnosticInput[] };

/**
 * The distinct array buffers behind every typed array in `value` (searched
 * through plain objects and arrays), so `postMessage` moves them rather than
 * copying. Typed arrays over shared or partial buffers are left to be copied.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const whole = v.byteOffset === 0 && v.byteLength === v.buffer.byteLength;
      if (v.buffer instanceof ArrayBuffer && whole) buffers.add(v.buffer);
      return;
    }
    for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item);
  };
  visit(value);
  return [...buffers];
}

/** The contributions of a manifest that hold host-side code and so cannot run in a worker. */
export function inProcessOnlyKinds(manifest: PluginManifest): string[] {
  return [
    ...(manifest.routes?.length ? ["routes"] : []),
    ...(manifest.services && Object.keys(manifest.services).length ? ["services"] : []),
    ...(manifest.formats?.length ? ["formats"] : []),
  ];
}

/**
 * A copy of `value` whose typed arrays are fresh whole-buffer copies (one
 * memcpy each), with those buffers listed for transfer: the host keeps its
 * own arrays intact (other stages share them) and the message moves the
 * copies instead of serialising them.
 */
export function transferableCopy<T>(value: T): { copy: T; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const copies = new Map<object, unknown>();
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    let copy: unknown;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const fresh = (v as unknown as { slice(): ArrayBufferView & { buffer: ArrayBuffer } }).slice();
      transfer.push(fresh.buffer);
      copy = fresh;
    } else if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = visit(v[i]);
      copy = out;
    } else if (Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      copies.set(v, out);
      for (const [k, item] of Object.entries(v)) out[k] = visit(item);
      copy = out;
    } else {
      copy = v;
    }
    copies.set(v, copy);
    return copy;
  };
  return { copy: visit(value) as T, transfer };
}
