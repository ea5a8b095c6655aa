/**
 * The OpenAPI 3.1 document, generated from the route declarations (core and
 * plugin routes alike), so it lists exactly what the server accepts.
 *
 * @module
 */

import { SDK_VERSION } from "../../sdk/mod.ts";
import type { AnyApiRoute } from "./route.ts";
import { openApiParameter, openApiSchema } from "./schema.ts";

const ERROR_SCHEMA = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
      required: ["code", "message", "details"],
    },
  },
  required: ["error"],
};

/** The OpenAPI document of `routes`. */
export function openApiDocument(routes: readonly AnyApiRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [
      ...Object.entries(route.params ?? {}).map(([name, spec]) => openApiParameter(name, spec, "path")),
      ...Object.entries(route.query ?? {}).map(([name, spec]) => openApiParameter(name, spec, "query")),
    ];
    const requestBody = route.body === undefined ? undefined : route.body === "multipart"
      ? {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              properties: { files: { type: "array", items: { type: "string", format: "binary" } } },
            },
          },
        },
      }
      : { required: true, content: { "application/json": { schema: openApiSchema(route.body) } } };
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, description]) => [
        status,
        Number(status) >= 400
          ? { description, content: { "application/json": { schema: ERROR_SCHEMA } } }
          : { description },
      ]),
    );
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Cataclysm Workbench API",
      version: SDK_VERSION,
      description:
        "Errors are `{error: {code, message, details}}`. Artifact values keep the SDK's field names; typed arrays are JSON arrays.",
    },
    paths,
  };
}
