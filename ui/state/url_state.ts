/**
 * What the address bar holds, so a view can be linked: the session, the
 * view, the selected laps and the focused corner (`?s=ID&v=deep-dive&ref=5&comp=7&corner=3`).
 *
 * @module
 */

/// <reference lib="dom" />

import { useCallback, useEffect, useState } from "preact/hooks";

/** The linkable state. */
export interface UrlState {
  /** Open session id, or null. */
  session: string | null;
  /** Open view id, or null for the first view. */
  view: string | null;
  /** Reference lap, or null for the best lap. */
  ref: number | null;
  /** Comparison lap, or null. */
  comp: number | null;
  /** Focused corner, or null. */
  corner: number | null;
}

/** Reads the state from a query string. */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const int = (name: string) => {
    const v = q.get(name);
    return v !== null && /^\d+$/.test(v) ? Number(v) : null;
  };
  return { session: q.get("s"), view: q.get("v"), ref: int("ref"), comp: int("comp"), corner: int("corner") };
}

/** Writes the state as a query string (empty fields left out). */
export function formatUrlState(state: UrlState): string {
  const q = new URLSearchParams();
  if (state.session) q.set("s", state.session);
  if (state.view) q.set("v", state.view);
  if (state.ref !== null) q.set("ref", String(state.ref));
  if (state.comp !== null) q.set("comp", String(state.comp));
  if (state.corner !== null) q.set("corner", String(state.corner));
  const text = q.toString();
  return text ? `?${text}` : location.pathname;
}

/**
 * The URL state and a function that changes it: a new history entry for a
 * new session or view, a replaced one for lap and corner picks.
 */
export function useUrlState(): [UrlState, (patch: Partial<UrlState>) => void] {
  const [state, setState] = useState(() => parseUrlState(location.search));
  useEffect(() => {
    const onPop = () => setState(parseUrlState(location.search));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const update = useCallback((patch: Partial<UrlState>) => {
    setState((current) => {
      const next = { ...current, ...patch };
      const navigates = next.session !== current.session || next.view !== current.view;
      const url = formatUrlState(next);
      if (navigates) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
      return next;
    });
  }, []);
  return [state, update];
}
