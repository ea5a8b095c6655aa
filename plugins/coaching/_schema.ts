/**
 * A tiny schema language for JSON documents: one definition gives both the
 * JSON Schema handed to the language model (as a tool's input schema) and
 * the runtime check of what comes back, with an error path for every
 * problem (`priority_corners[1].how: must not be empty`).
 *
 * @module
 */

/** One problem found in a document: where (`drills[0].title`) and what. */
export interface SchemaError {
  /** Path from the document's root; `""` for the root itself. */
  path: string;
  /** What is wrong, one short clause. */
  message: string;
}

/** A schema for values of type `T`. */
export interface Schema<T> {
  /** The JSON Schema of the value. */
  readonly jsonSchema: Record<string, unknown>;
  /** Appends every problem of `value` at `path` to `errors`; true when there is none. */
  check(value: unknown, path: string, errors: SchemaError[]): value is T;
}

const describe = (value: unknown): string =>
  value === undefined
    ? "nothing"
    : value === null
    ? "null"
    : Array.isArray(value)
    ? "an array"
    : typeof value === "object"
    ? "an object"
    : `a ${typeof value}`;

/** A string of `minLength..maxLength` characters after trimming. */
export function text(description: string, minLength = 1, maxLength = 2000): Schema<string> {
  return {
    jsonSchema: { type: "string", description, minLength, maxLength },
    check(value, path, errors): value is string {
      if (typeof value !== "string") {
        errors.push({ path, message: `must be a string, got ${describe(value)}` });
        return false;
      }
      const length = value.trim().length;
      if (length < minLength) {
        errors.push({
          path,
          message: minLength === 1 ? "must not be empty" : `must have at least ${minLength} characters`,
        });
      } else if (length > maxLength) {
        errors.push({ path, message: `must have at most ${maxLength} characters, has ${length}` });
      } else return true;
      return false;
    },
  };
}

/** A finite number. */
export function finite(description: string): Schema<number> {
  return {
    jsonSchema: { type: "number", description },
    check(value, path, errors): value is number {
      if (typeof value === "number" && Number.isFinite(value)) return true;
      errors.push({ path, message: `must be a finite number, got ${describe(value)}` });
      return false;
    },
  };
}

/** One of the given strings. */
export function oneOf<const V extends string>(description: string, values: readonly V[]): Schema<V> {
  return {
    jsonSchema: { type: "string", description, enum: [...values] },
    check(value, path, errors): value is V {
      if (typeof value === "string" && (values as readonly string[]).includes(value)) return true;
      errors.push({
        path,
        message: `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${
          JSON.stringify(value)
        }`,
      });
      return false;
    },
  };
}

/** `null` or a value of `schema`. */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return {
    jsonSchema: { anyOf: [schema.jsonSchema, { type: "null" }] },
    check(value, path, errors): value is T | null {
      return value === null || schema.check(value, path, errors);
    },
  };
}

/** An array of `minItems..maxItems` values of `item`. */
export function list<T>(item: Schema<T>, minItems: number, maxItems: number): Schema<T[]> {
  return {
    jsonSchema: { type: "array", items: item.jsonSchema, minItems, maxItems },
    check(value, path, errors): value is T[] {
      if (!Array.isArray(value)) {
        errors.push({ path, message: `must be an array, got ${describe(value)}` });
        return false;
      }
      const before = errors.length;
      if (value.length < minItems) {
        errors.push({ path, message: `must have at least ${minItems} item(s), has ${value.length}` });
      }
      if (value.length > maxItems) {
        errors.push({ path, message: `must have at most ${maxItems} item(s), has ${value.length}` });
      }
      value.forEach((v, i) => item.check(v, `${path}[${i}]`, errors));
      return errors.length === before;
    },
  };
}

/** An object with exactly the given properties, all required. */
export function record<T extends object>(
  description: string,
  properties: { [K in keyof T]: Schema<T[K]> },
): Schema<T> {
  const names = Object.keys(properties) as (keyof T & string)[];
  return {
    jsonSchema: {
      type: "object",
      description,
      properties: Object.fromEntries(names.map((n) => [n, properties[n].jsonSchema])),
      required: names,
      additionalProperties: false,
    },
    check(value, path, errors): value is T {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        errors.push({ path, message: `must be an object, got ${describe(value)}` });
        return false;
      }
      const before = errors.length;
      const object = value as Record<string, unknown>;
      const at = (name: string) => (path ? `${path}.${name}` : name);
      for (const name of names) {
        if (!(name in object)) errors.push({ path: at(name), message: "is missing" });
        else properties[name].check(object[name], at(name), errors);
      }
      for (const name of Object.keys(object)) {
        if (!(names as string[]).includes(name)) {
          errors.push({ path: at(name), message: "is not a known field" });
        }
      }
      return errors.length === before;
    },
  };
}

/** Every problem of `value` against `schema`; empty when it conforms. */
export function schemaErrors<T>(schema: Schema<T>, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  schema.check(value, "", errors);
  return errors;
}

/** Errors as lines `path: message`. */
export function formatErrors(errors: readonly SchemaError[]): string {
  return errors.map((e) => `${e.path || "(report)"}: ${e.message}`).join("\n");
}
