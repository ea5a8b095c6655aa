/**
 * Plot figures on app pages ({@linkcode AppPageContext.plot}): the shell
 * measures the space, calls `Plot.plot()` with the page module's options at
 * that width, in the theme's colours, and draws an inline error instead of
 * the figure when the module's options throw, as on the session views.
 *
 * @module
 */

/// <reference lib="dom" />

import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import type { VNode } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { PagePlotOptions } from "../../sdk/views.ts";
import { useElementWidth } from "../charts/element_width.ts";

/** Properties of {@linkcode PagePlot}. */
export interface PagePlotProps {
  /** Plot options for a width, px. */
  build: (widthPx: number) => Plot.PlotOptions;
  /** Height and accessible label. */
  options: PagePlotOptions;
}

/** One figure, redrawn when its width or options change. */
export function PagePlot({ build, options }: PagePlotProps): VNode {
  const hostRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(hostRef);
  const [error, setError] = useState<string | null>(null);
  useLayoutEffect(() => {
    const area = hostRef.current?.querySelector(".plot-area");
    if (!area || width <= 0) return;
    try {
      const figure = Plot.plot({
        ...build(width),
        width,
        height: options.height,
        style: { background: "transparent", color: "var(--fg)", fontSize: "11px", overflow: "visible" },
      });
      area.replaceChildren(figure);
      if (error !== null) setError(null);
    } catch (e) {
      area.replaceChildren();
      setError(e instanceof Error ? e.message : String(e));
    }
  });
  return html`
    <div ref=${hostRef} class="chart-host axis-plain" role="figure" aria-label=${options.label}
      data-page-plot=${options.label} style=${width === 0 ? `min-height:${options.height}px` : undefined}>
        <div class="plot-area"></div>
        ${error && html`<p class="chart-error" role="alert">This chart failed: ${error}</p>`}
      </div>
  `;
}
