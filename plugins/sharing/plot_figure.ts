/**
 * An Observable Plot figure on the shared-session page, which (as an app
 * page) has no chart card: the figure takes the width of its box, is drawn
 * again when that width changes, and is labelled for screen readers. The
 * colours of the two drivers follow the workbench's reference and
 * comparison colours in either theme.
 *
 * @module
 */

/// <reference lib="dom" />

import type { PlotOptions } from "@observablehq/plot";
import type { VNode } from "preact";
import type { AppPageContext } from "../../sdk/views.ts";

/** Colours of the sharer ("them"), the visitor ("you") and an even corner, per theme. */
export function driverColors(theme: AppPageContext["theme"]): { them: string; you: string; even: string } {
  return theme === "dark"
    ? { them: "#4c9ef0", you: "#ff8a3d", even: "#9aa4b5" }
    : { them: "#1f77d0", you: "#e8590c", even: "#8b93a1" };
}

/** Properties of {@linkcode PlotFigure}. */
export interface PlotFigureProps {
  /** The page's context (Plot and hooks). */
  ctx: AppPageContext;
  /** The plot's options for a width in px (the figure sets `width` itself); keep it stable (`useCallback`). */
  options: (widthPx: number) => PlotOptions;
  /** What the figure shows, for screen readers. */
  label: string;
  /** Widest the figure gets, px (default: its box). */
  maxWidthPx?: number;
}

/** The figure (use it as a component). */
export function PlotFigure({ ctx, options, label, maxWidthPx }: PlotFigureProps): VNode {
  const { html, hooks, Plot } = ctx;
  const box = hooks.useRef<HTMLDivElement>(null);
  const [width, setWidth] = hooks.useState(0);
  hooks.useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  hooks.useLayoutEffect(() => {
    const element = box.current;
    if (!element || width <= 0) return;
    const drawn = Math.min(width, maxWidthPx ?? width);
    const figure = Plot.plot({ ...options(drawn), width: drawn });
    element.replaceChildren(figure);
    return () => figure.remove();
  }, [width, options]);
  return html`<div class="plot-area page-plot" ref=${box} role="img" aria-label=${label}></div>`;
}
