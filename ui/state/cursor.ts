/**
 * The shared distance cursor and zoom. Every distance chart and the track map
 * subscribe; `set` is cheap and coalesces to one notification per animation
 * frame, so a pointer sweeping a chart moves every cursor at display rate
 * without re-rendering any chart.
 *
 * @module
 */

/// <reference lib="dom" />

import type { CursorStore } from "../../sdk/views.ts";

/** Creates a cursor store (one per open session). */
export function createCursorStore(): CursorStore & { subscribeZoom(listener: () => void): () => void } {
  let position: number | null = null;
  let pending: number | null = null;
  let scheduled = false;
  let zoomRange: readonly [number, number] | null = null;
  const listeners = new Set<(distanceM: number | null) => void>();
  const zoomListeners = new Set<() => void>();
  const flush = () => {
    scheduled = false;
    if (pending === position) return;
    position = pending;
    for (const listener of listeners) listener(position);
  };
  return {
    get: () => position,
    set(distanceM) {
      pending = distanceM;
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(flush);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    zoom: () => zoomRange,
    setZoom(rangeM) {
      zoomRange = rangeM;
      for (const listener of zoomListeners) listener();
    },
    subscribeZoom(listener) {
      zoomListeners.add(listener);
      return () => zoomListeners.delete(listener);
    },
  };
}
