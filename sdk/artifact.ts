/**
 * Typed artifact keys: the names under which pipeline stages exchange data.
 *
 * A key carries the TypeScript type of its value, so a stage that consumes
 * `CornersKey` receives `Corner[]` with no cast.
 *
 * @module
 */

/** A named, typed slot for one artifact of a session analysis. */
export interface ArtifactKey<T> {
  /** Unique lower-case id, e.g. `"laps"`. Two keys with one id are one artifact. */
  readonly id: string;
  /** One sentence saying what the artifact holds, with units. */
  readonly description: string;
  /** Phantom field carrying the value type; never set at runtime. */
  readonly __type?: T;
}

/**
 * Creates an artifact key.
 *
 * @example
 * ```ts
 * import { artifact } from "./artifact.ts";
 * const TrailBrakeKey = artifact<number[]>("trail-brake-index", "Trail-brake index per corner, 0..1");
 * ```
 */
export function artifact<T>(id: string, description: string): ArtifactKey<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    throw new Error(`artifact id "${id}" must be lower-case letters, digits and dashes`);
  }
  return Object.freeze({ id, description });
}

/** The value type carried by an artifact key. */
export type ArtifactValue<K> = K extends ArtifactKey<infer T> ? T : never;

/** A record of named artifact keys, as in a stage's `consumes` or `produces`. */
export type KeyMap = Record<string, ArtifactKey<unknown>>;

/** The values of a {@linkcode KeyMap}, by the same names. */
export type ValuesOf<M extends KeyMap> = { [P in keyof M]: ArtifactValue<M[P]> };
