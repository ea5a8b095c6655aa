/**
 * JSON over HTTP with the server's error shape `{error: {code, message, details}}`
 * turned into an {@linkcode ApiError} whose message a driver can read.
 *
 * @module
 */

/// <reference lib="dom" />

/** A failed request: the server's code and message, or a network problem. */
export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The server's machine-readable code, e.g. `"unsupported_format"`. */
  readonly code: string;
  /** Creates the error. */
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** The error a response carries, or a generic one naming the status. */
export async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    const error = body?.error;
    if (error && typeof error.message === "string") {
      return new ApiError(response.status, String(error.code ?? "error"), error.message);
    }
  } catch {
    // not JSON
  }
  return new ApiError(
    response.status,
    "http_error",
    `The server answered ${response.status} ${response.statusText}.`,
  );
}

/** Parses an error body given as text (from an XMLHttpRequest). */
export function errorOfText(status: number, text: string): ApiError {
  try {
    const error = JSON.parse(text)?.error;
    if (error && typeof error.message === "string") {
      return new ApiError(status, String(error.code ?? "error"), error.message);
    }
  } catch {
    // not JSON
  }
  return new ApiError(
    status,
    "http_error",
    status === 0 ? "The server could not be reached." : `The server answered ${status}.`,
  );
}

/** Requests the page started before the bundle ran (see `serve.ts`), by path; each is used once. */
function takePrefetched(path: string): Promise<Response> | undefined {
  const started = (globalThis as { workbenchPrefetch?: Record<string, Promise<Response>> }).workbenchPrefetch;
  const response = started?.[path];
  if (response) delete started![path];
  return response;
}

/** Sends a request and returns its JSON body; throws {@linkcode ApiError}. */
export async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await ((init ? undefined : takePrefetched(path)) ??
      fetch(path, { headers: { accept: "application/json" }, ...init }));
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Is it running?");
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return await response.json() as T;
}
