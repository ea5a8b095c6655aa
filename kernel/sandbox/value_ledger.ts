/**
 * What a sandboxed plugin's process holds of the workbench's values, so
 * each value crosses the boundary at most once and only when the plugin
 * reads it:
 *
 * - **Kept values.** Every object input of a stage call, every output and
 *   every parsed session is kept by the process under an id. When the same
 *   object is an input again (the session, the laps, the grid: most stages of
 *   a plugin read the same artifacts) only `{"$ref": id}` crosses.
 * - **Lazy values.** Typed arrays at one path of an input (`[*]` standing
 *   for any array index: `.inputs.distanceLaps[*].channels.latDeg`) whose
 *   sizes add up to at least {@linkcode LAZY_GROUP_BYTES}, and every property
 *   defined by a getter (grid channels computed on first read), cross as
 *   `{"$lazy": id}`: the process asks for them the first time the plugin
 *   reads one, and gets every value at the same path of the same input with
 *   it (reading lap 1's `latDeg` brings every lap's `latDeg` in one round
 *   trip). A stage that reads two channels of forty moves two.
 * - **Release.** When the workbench lets go of a kept value (a finalization
 *   registry sees it collected), or when what the process keeps passes the
 *   ledger's byte budget (the least recently used values go first, so a
 *   long-running workbench's plugin processes stay bounded however seldom
 *   its garbage collector runs), the next request tells the process to drop
 *   it and the lazy values inside it that were never read. A value dropped
 *   this way and used again is simply sent again.
 *
 * Limit: a getter defined on an input object itself (not on an object inside
 * it) keeps that input alive until the plugin is closed.
 *
 * @module
 */

import { type EncodeHooks, WireValue } from "./wire.ts";

/** Typed arrays at one path adding up to this many bytes cross only when read; smaller ones go with the request. */
export const LAZY_GROUP_BYTES = 64 * 1024;

interface LazyValue {
  /** Reads the value on the workbench's side. */
  read(): unknown;
  /** A getter's value (its bytes count against the budget once sent); else an array counted when kept. */
  getter: boolean;
  /** Values fetched together: same kept input, same path. */
  group: string;
  /** The kept value it is part of. */
  owner: number;
}

/** What a stage call sends: its inputs in wire form and the bookkeeping for the process. */
export interface PreparedInputs {
  /** Inputs by name: values to encode, or `$ref`s. */
  inputs: Record<string, unknown>;
  /** Ids to keep the new inputs under, by input name. */
  keepInputs: Record<string, number>;
  /** Kept values the process may let go of. */
  drop: number[];
  /** Hooks that make large arrays and getters lazy while the inputs are encoded. */
  hooks: EncodeHooks;
}

/** The ledger of one plugin process. */
export class ValueLedger {
  #ids = new WeakMap<object, number>();
  #next = 1;
  #lazy = new Map<number, LazyValue>();
  #groups = new Map<string, Set<number>>();
  #lazyOf = new Map<number, Set<number>>();
  #drops: number[] = [];
  #finalizer = new FinalizationRegistry<number>((id) => this.#release(id));
  /** Kept values the process still holds: id → bytes of typed arrays sent in it, least recently used first. */
  #held = new Map<number, number>();
  #heldBytes = 0;
  #budgetBytes: number;

  /** A ledger whose process keeps at most about `budgetBytes` of typed arrays between calls (default 256 MiB). */
  constructor(budgetBytes = 256 * 2 ** 20) {
    this.#budgetBytes = budgetBytes;
  }

  /** Prepares a stage call's inputs. */
  prepareInputs(values: Record<string, unknown>): PreparedInputs {
    const inputs: Record<string, unknown> = {};
    const keepInputs: Record<string, number> = {};
    const fresh = new Set<object>();
    for (const [name, value] of Object.entries(values)) {
      const known = typeof value === "object" && value !== null ? this.#ids.get(value) : undefined;
      if (known !== undefined && this.#held.has(known) && !fresh.has(value as object)) {
        this.#touch(known);
        inputs[name] = new WireValue({ $ref: known });
      } else if (typeof value === "object" && value !== null && !fresh.has(value)) {
        fresh.add(value);
        keepInputs[name] = this.#keep(value);
        inputs[name] = value;
      } else {
        inputs[name] = value;
      }
    }
    const ownerAt = (path: string) => {
      const name = /^\.inputs\.([^.[]+)/.exec(path)?.[1];
      return name === undefined ? undefined : keepInputs[name];
    };
    const groupBytes = new Map<string, number>();
    for (const name of Object.keys(keepInputs)) addArrayBytes(values[name], `.inputs.${name}`, groupBytes);
    const hooks: EncodeHooks = {
      array: (array, path) => {
        const owner = ownerAt(path);
        if (owner === undefined || (groupBytes.get(path) ?? 0) < LAZY_GROUP_BYTES) return undefined;
        return this.#lazyValue(owner, path, false, () => array);
      },
      accessor: (object, key, path) => {
        const owner = ownerAt(path);
        if (owner === undefined) return undefined;
        return this.#lazyValue(owner, path, true, () => (object as Record<string, unknown>)[key]);
      },
    };
    return { inputs, keepInputs, drop: this.takeDrops(), hooks };
  }

  /** A new id for a value the process will keep (an output, a parsed session). */
  keepId(): number {
    return this.#next++;
  }

  /** Records that the process keeps `value` (decoded here from its answer) under `id`. */
  remember(value: unknown, id: number): void {
    if (typeof value !== "object" || value === null) return;
    this.#ids.set(value, id);
    this.#finalizer.register(value, id);
    const sizes = new Map<string, number>();
    addArrayBytes(value, "", sizes);
    this.#hold(id, [...sizes.values()].reduce((a, b) => a + b, 0));
  }

  /** The values of the lazy ids the process asked for, and of the rest of their groups. */
  answerFetch(ids: readonly number[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const id of ids) {
      const lazy = this.#lazy.get(id);
      if (!lazy) continue;
      for (const member of this.#groups.get(lazy.group) ?? [id]) {
        const value = this.#lazy.get(member);
        if (!value) continue;
        const read = value.read();
        values[member] = read;
        if (value.getter && ArrayBuffer.isView(read)) this.#hold(value.owner, read.byteLength);
        this.#forget(member);
      }
      this.#groups.delete(lazy.group);
    }
    return values;
  }

  /** Ids the process may drop (collected here since the last call); clears the list. */
  takeDrops(): number[] {
    return this.#drops.splice(0);
  }

  #keep(value: object): number {
    const id = this.#next++;
    this.remember(value, id);
    return id;
  }

  #lazyValue(owner: number, path: string, getter: boolean, read: () => unknown): WireValue {
    const id = this.#next++;
    const group = `${owner}${path}`;
    this.#lazy.set(id, { read, getter, group, owner });
    let members = this.#groups.get(group);
    if (!members) this.#groups.set(group, members = new Set());
    members.add(id);
    let ofOwner = this.#lazyOf.get(owner);
    if (!ofOwner) this.#lazyOf.set(owner, ofOwner = new Set());
    ofOwner.add(id);
    return new WireValue({ $lazy: id });
  }

  #forget(lazyId: number): void {
    const lazy = this.#lazy.get(lazyId);
    if (!lazy) return;
    this.#lazy.delete(lazyId);
    this.#lazyOf.get(lazy.owner)?.delete(lazyId);
  }

  /** Adds `bytes` to kept value `id` (keeping it if new) and lets go of the least recently used past the budget. */
  #hold(id: number, bytes: number): void {
    this.#held.set(id, (this.#held.get(id) ?? 0) + bytes);
    this.#heldBytes += bytes;
    this.#touch(id);
    for (const [oldest] of this.#held) {
      if (this.#heldBytes <= this.#budgetBytes || oldest === id) break;
      this.#release(oldest);
    }
  }

  /** Marks kept value `id` as just used. */
  #touch(id: number): void {
    const bytes = this.#held.get(id);
    if (bytes === undefined) return;
    this.#held.delete(id);
    this.#held.set(id, bytes);
  }

  #release(id: number): void {
    const bytes = this.#held.get(id);
    if (bytes === undefined) return; // already let go of
    this.#held.delete(id);
    this.#heldBytes -= bytes;
    this.#drops.push(id);
    for (const lazyId of this.#lazyOf.get(id) ?? []) {
      const lazy = this.#lazy.get(lazyId);
      if (lazy) this.#groups.delete(lazy.group);
      this.#lazy.delete(lazyId);
      this.#drops.push(lazyId);
    }
    this.#lazyOf.delete(id);
  }
}

/**
 * Adds the bytes of every typed array inside `value` to `sizes`, by path in
 * the form the wire encoder names them (`.key`, `[*]` for an index). Never
 * reads a getter.
 */
function addArrayBytes(
  value: unknown,
  path: string,
  sizes: Map<string, number>,
  seen = new Set<object>(),
): void {
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    sizes.set(path, (sizes.get(path) ?? 0) + value.byteLength);
  } else if (Array.isArray(value)) {
    for (const item of value) addArrayBytes(item, `${path}[*]`, sizes, seen);
  } else {
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (!descriptor.get) addArrayBytes(descriptor.value, `${path}.${key}`, sizes, seen);
    }
  }
}
