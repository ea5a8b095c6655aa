/**
 * JSON over HTTP with the server's error shape `{error: {code, message, details}}`
 * turned into an {@linkcode ApiError} whose message a driver can read, and
 * the CSRF token a signed-in browser sends with every change (header
 * `X-CSRF-Token`, from `GET /api/auth/me`). A 401 tells the page that the
 * sign-in ended (event {@linkcode SIGNED_OUT_EVENT}).
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

/** The header carrying the CSRF token (the server's `kernel/auth/guard.ts`). */
export const CSRF_HEADER = "X-CSRF-Token";

/** Event dispatched on `window` when the server answers 401: the sign-in ended. */
export const SIGNED_OUT_EVENT = "workbench:signed-out";

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (null: local mode or signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `headers` plus the CSRF token when `method` changes something and a token is known. */
export function withCsrf(method: string, headers: HeadersInit = {}): Headers {
  const out = new Headers(headers);
  if (csrfToken && !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) {
    out.set(CSRF_HEADER, csrfToken);
  }
  return out;
}

/**
 * Makes every same-origin `fetch` of the page that changes something carry
 * the CSRF token, so views of plugins (which call `fetch` themselves) keep
 * working when sign-in is configured. Requests to other origins are left
 * alone: the token never leaves the site.
 */
export function sendCsrfWithFetch(): void {
  const original = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (url.origin !== location.origin) return original(input, init);
    const headers = withCsrf(method, init?.headers ?? (input instanceof Request ? input.headers : undefined));
    return original(input, { ...init, headers });
  };
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
      fetch(path, {
        ...init,
        headers: withCsrf(init?.method ?? "GET", { accept: "application/json", ...init?.headers }),
      }));
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Is it running?");
  }
  if (response.status === 401) dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return await response.json() as T;
}
