/**
 * Requests from browser modules to their plugin's routes, the same way in
 * every panel and app page: a request's state (loading, ready, failed) as a
 * hook, an action's state (pending, failed) as a hook, and the markup of the
 * loading and error states (a skeleton with an accessible label, an alert
 * with a retry button). Modules receive Preact's hooks and htm from their
 * context, so these helpers take them as arguments and import nothing.
 *
 * @example
 * ```ts ignore
 * export default defineAppPage({
 *   render({ html, hooks, api }) {
 *     const badges = useRequest(hooks, () => api<Badge[]>("/badges"), []);
 *     return showRequest(html, badges, "your badges", (list) => html`<p>${list.length} badges</p>`);
 *   },
 * });
 * ```
 *
 * @module
 */

import type { VNode } from "preact";
import type { AppApiError, Hooks, HtmlTag } from "./views.ts";

/** A request's state: in flight, answered, or failed. */
export type RequestState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly value: T }
  | { readonly status: "error"; readonly error: AppApiError };

/** A request and the function that sends it again. */
export interface Request<T> {
  /** Where it stands. */
  readonly state: RequestState<T>;
  /** Sends it again, keeping the last answer on screen until the new one arrives. */
  reload(): Promise<void>;
}

/** An action (a POST, a DELETE) and where it stands. */
export interface Action {
  /** True while it runs. */
  readonly pending: boolean;
  /** Why the last run failed, or null. */
  readonly error: AppApiError | null;
  /** Runs `task`; resolves true when it succeeded, false when it failed (see `error`). */
  run(task: () => Promise<unknown>): Promise<boolean>;
  /** Forgets the last error. */
  clear(): void;
}

/** Any rejection as an {@linkcode AppApiError} (status 0 and code `"error"` when it carries none). */
export function asApiError(error: unknown): AppApiError {
  const base = error instanceof Error ? error : new Error(String(error));
  const { status, code } = base as Partial<AppApiError>;
  if (typeof status === "number" && typeof code === "string") return base as AppApiError;
  return Object.assign(new Error(base.message), { status: 0, code: "error" });
}

/** Sends `load()` now and whenever `deps` change (showing loading again), and on `reload()`. */
export function useRequest<T>(hooks: Hooks, load: () => Promise<T>, deps: readonly unknown[]): Request<T> {
  const [state, setState] = hooks.useState<RequestState<T>>({ status: "loading" });
  const latest = hooks.useRef(load);
  latest.current = load;
  const round = hooks.useRef(0);
  const send = hooks.useCallback(async (mine: number) => {
    try {
      const value = await latest.current();
      if (round.current === mine) setState({ status: "ready", value });
    } catch (error) {
      if (round.current === mine) setState({ status: "error", error: asApiError(error) });
    }
  }, []);
  hooks.useEffect(() => {
    setState({ status: "loading" });
    void send(++round.current);
    return () => {
      round.current++;
    };
  }, deps);
  const reload = hooks.useCallback(() => send(++round.current), []);
  return { state, reload };
}

/** An action whose pending and failed states the module shows. */
export function useAction(hooks: Hooks): Action {
  const [pending, setPending] = hooks.useState(false);
  const [error, setError] = hooks.useState<AppApiError | null>(null);
  const run = hooks.useCallback(async (task: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await task();
      return true;
    } catch (failure) {
      setError(asApiError(failure));
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  const clear = hooks.useCallback(() => setError(null), []);
  return { pending, error, run, clear };
}

/**
 * The request's content: a skeleton labelled "Loading `what`" while it is in
 * flight, an alert naming `what` with the server's message and a retry
 * button when it failed, else `render(value)`.
 */
export function showRequest<T>(
  html: HtmlTag,
  request: Request<T>,
  what: string,
  render: (value: T) => VNode | null,
): VNode | null {
  const { state } = request;
  if (state.status === "loading") {
    return html`<div class="skeleton" aria-busy="true" aria-label=${`Loading ${what}`}></div>`;
  }
  if (state.status === "error") {
    return html`<div class="inline-error" role="alert">
      Could not load ${what}: ${state.error.message}
      <button type="button" class="link" onClick=${() => void request.reload()}>Retry</button>
    </div>`;
  }
  return render(state.value);
}

/** An action's failure as an alert, or null. */
export function showActionError(html: HtmlTag, action: Action): VNode | null {
  return action.error && html`<p class="inline-error" role="alert">${action.error.message}</p>`;
}
