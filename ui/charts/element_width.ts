/**
 * The width of an element, kept current by a `ResizeObserver`: what chart
 * hosts size their figures by.
 *
 * @module
 */

/// <reference lib="dom" />

import type { RefObject } from "preact";
import { useLayoutEffect, useState } from "preact/hooks";

/** The element's content width in whole px; 0 until the first layout has measured it. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // The observer reports the first size after the next layout: reading clientWidth here
    // instead would force a layout per chart while the view is being drawn.
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return width;
}
