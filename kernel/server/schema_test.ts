import assert from "node:assert/strict";
import { ApiError } from "./errors.ts";
import { checkBody, parseParams } from "./schema.ts";

const issues = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ApiError && error.status === 422);
    return (error.details as { issues: { path: string; message: string }[] }).issues;
  }
  assert.fail("expected a 422");
};

Deno.test("query parameters are parsed by type and every problem is listed", () => {
  const specs = {
    lap: { type: "integer", description: "", required: true, minimum: 0 },
    scale: { type: "number", description: "", maximum: 10 },
    full: { type: "boolean", description: "" },
    unit: { type: "string", description: "", enum: ["s", "ms"] },
  } as const;
  assert.deepEqual(parseParams(specs, { lap: "3", scale: "2.5", full: "true", unit: "ms" }, "query"), {
    lap: 3,
    scale: 2.5,
    full: true,
    unit: "ms",
  });
  assert.deepEqual(parseParams(specs, { lap: "0" }, "query"), { lap: 0 });
  assert.deepEqual(
    issues(() => parseParams(specs, { lap: "1.5", scale: "11", full: "yes", unit: "h" }, "query")).map((i) =>
      i.path
    ),
    ["query.lap", "query.scale", "query.full", "query.unit"],
  );
  assert.deepEqual(issues(() => parseParams(specs, {}, "query")), [{
    path: "query.lap",
    message: "is required",
  }]);
  assert.deepEqual(issues(() => parseParams(specs, { lap: "-1" }, "query"))[0].message, "must be at least 0");
  assert.match(issues(() => parseParams(specs, { lap: "0x10" }, "query"))[0].message, /whole number/);
});

Deno.test("JSON bodies are checked against their schema, with paths", () => {
  const schema = {
    type: "object",
    properties: {
      name: { type: "string", minLength: 1, maxLength: 5 },
      tags: { type: "array", items: { type: "string", pattern: "^[a-z]+$" }, maxItems: 2, uniqueItems: true },
      size: { type: "integer", minimum: 1 },
    },
    required: ["name"],
    additionalProperties: false,
  } as const;
  checkBody(schema, { name: "ok", tags: ["a", "b"], size: 2 });
  assert.deepEqual(
    issues(() => checkBody(schema, { tags: ["A"], size: 1.5, extra: 1 })).map((i) => i.path),
    ["body.name", "body.tags[0]", "body.size", "body.extra"],
  );
  assert.deepEqual(issues(() => checkBody(schema, { name: "x", tags: ["a", "a"] }))[0].path, "body.tags");
  assert.deepEqual(issues(() => checkBody(schema, [])), [{ path: "body", message: "must be an object" }]);
});
