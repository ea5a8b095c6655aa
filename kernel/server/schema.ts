/**
 * Request validation: query and path parameters (declared with the SDK's
 * {@linkcode RouteParam}) and JSON bodies (a small JSON-Schema subset). The
 * same declarations produce the OpenAPI document, so the documentation
 * cannot drift from what the server accepts.
 *
 * @module
 */

import type { RouteParam } from "../../sdk/mod.ts";
import { ApiError } from "./errors.ts";

/** A JSON body schema: the subset of JSON Schema the server checks. */
export type BodySchema =
  | { type: "string"; description?: string; minLength?: number; maxLength?: number; pattern?: string }
  | { type: "integer" | "number"; description?: string; minimum?: number; maximum?: number }
  | { type: "boolean"; description?: string }
  | { type: "array"; description?: string; items: BodySchema; maxItems?: number; uniqueItems?: boolean }
  | {
    type: "object";
    description?: string;
    properties: Record<string, BodySchema>;
    required?: readonly string[];
    additionalProperties?: boolean;
    nullable?: boolean;
  };

/** One problem with a request, with where it is. */
export interface Issue {
  /** `query.lap`, `path.id`, `body.tags[2]`... */
  path: string;
  /** What is wrong. */
  message: string;
}

/** Parses text parameters against their declarations; throws a 422 listing every problem. */
export function parseParams(
  specs: Readonly<Record<string, RouteParam>>,
  raw: Record<string, string | undefined>,
  where: "query" | "path",
): Record<string, string | number | boolean | undefined> {
  const values: Record<string, string | number | boolean | undefined> = {};
  const issues: Issue[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const text = raw[name];
    const path = `${where}.${name}`;
    if (text === undefined || text === "") {
      if (spec.required || where === "path") issues.push({ path, message: "is required" });
      continue;
    }
    const parsed = parseParam(spec, text);
    if (typeof parsed === "object") issues.push({ path, message: parsed.problem });
    else values[name] = parsed;
  }
  if (issues.length > 0) throw invalid(issues);
  return values;
}

function parseParam(spec: RouteParam, text: string): string | number | boolean | { problem: string } {
  switch (spec.type) {
    case "integer":
    case "number": {
      const ok = spec.type === "integer"
        ? /^[+-]?\d+$/.test(text)
        : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
      const value = Number(text);
      if (!ok || !Number.isFinite(value)) {
        return {
          problem: `must be ${spec.type === "integer" ? "a whole number" : "a number"}, got "${text}"`,
        };
      }
      if (spec.minimum !== undefined && value < spec.minimum) {
        return { problem: `must be at least ${spec.minimum}` };
      }
      if (spec.maximum !== undefined && value > spec.maximum) {
        return { problem: `must be at most ${spec.maximum}` };
      }
      return value;
    }
    case "boolean":
      if (text === "true" || text === "1") return true;
      if (text === "false" || text === "0") return false;
      return { problem: `must be true or false, got "${text}"` };
    default:
      if (spec.enum && !spec.enum.includes(text)) {
        return { problem: `must be one of ${spec.enum.join(", ")}` };
      }
      if (text.length > 500) return { problem: "is too long" };
      return text;
  }
}

/** Checks a parsed JSON body; throws a 422 listing every problem. */
export function checkBody(schema: BodySchema, body: unknown): void {
  const issues: Issue[] = [];
  checkValue(schema, body, "body", issues);
  if (issues.length > 0) throw invalid(issues);
}

function checkValue(schema: BodySchema, value: unknown, path: string, issues: Issue[]): void {
  const fail = (message: string) => issues.push({ path, message });
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") return void fail("must be a string");
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        return void fail(`must have at least ${schema.minLength} characters`);
      }
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        return void fail(`must have at most ${schema.maxLength} characters`);
      }
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
        return void fail(`must match ${schema.pattern}`);
      }
      return;
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return void fail("must be a number");
      if (schema.type === "integer" && !Number.isInteger(value)) return void fail("must be a whole number");
      if (schema.minimum !== undefined && value < schema.minimum) {
        return void fail(`must be at least ${schema.minimum}`);
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        return void fail(`must be at most ${schema.maximum}`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("must be true or false");
      return;
    case "array":
      if (!Array.isArray(value)) return void fail("must be an array");
      if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        return void fail(`must have at most ${schema.maxItems} items`);
      }
      if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
        return void fail("must not repeat items");
      }
      value.forEach((item, i) => checkValue(schema.items, item, `${path}[${i}]`, issues));
      return;
    case "object": {
      if (value === null && schema.nullable) return;
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return void fail("must be an object");
      }
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (record[name] === undefined) issues.push({ path: `${path}.${name}`, message: "is required" });
      }
      for (const [name, v] of Object.entries(record)) {
        const property = schema.properties[name];
        if (property) checkValue(property, v, `${path}.${name}`, issues);
        else if (schema.additionalProperties === false) {
          issues.push({ path: `${path}.${name}`, message: "is not allowed" });
        }
      }
    }
  }
}

function invalid(issues: Issue[]): ApiError {
  const summary = issues.map((i) => `${i.path} ${i.message}`).join("; ");
  return new ApiError(422, "invalid_request", `Invalid request: ${summary}`, { issues });
}

/** The OpenAPI parameter object of a declared parameter. */
export function openApiParameter(name: string, spec: RouteParam, where: "query" | "path") {
  const schema: Record<string, unknown> = { type: spec.type };
  if (spec.minimum !== undefined) schema.minimum = spec.minimum;
  if (spec.maximum !== undefined) schema.maximum = spec.maximum;
  if (spec.enum) schema.enum = [...spec.enum];
  return {
    name,
    in: where,
    required: where === "path" || spec.required === true,
    description: spec.description,
    schema,
  };
}

/** The OpenAPI (JSON Schema 2020-12) form of a body schema. */
export function openApiSchema(schema: BodySchema): Record<string, unknown> {
  if (schema.type === "array") return { ...schema, items: openApiSchema(schema.items) };
  if (schema.type === "object") {
    const { nullable, ...rest } = schema;
    const properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, openApiSchema(v)]),
    );
    return { ...rest, ...(nullable ? { type: ["object", "null"] } : {}), properties };
  }
  return { ...schema };
}
