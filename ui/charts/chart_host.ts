/**
 * Hosts one chart module: measures the card, asks the module for its figure,
 * calls `Plot.plot()` with the size, theme and (distance charts) the shared
 * zoom, and links it to the shared cursor without ever re-rendering the plot
 * on a cursor move: the cursor line, the readout and the map dot are
 * overlays moved by style changes, once per animation frame.
 *
 * Pointer: hovering sets the cursor; on distance charts a drag zooms every
 * distance chart and a double-click resets the zoom. Keyboard: the chart is
 * focusable; ←/→ move the cursor by 10 m (Shift: 100 m), Esc clears it.
 *
 * @module
 */

/// <reference lib="dom" />

import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import type { VNode } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ChartContext, ChartFigure, ChartModule, ViewContext } from "../../sdk/views.ts";
import { useElementWidth } from "./element_width.ts";
import { createOverlay, type Overlay } from "./overlay.ts";

/** Properties of {@linkcode ChartHost}. */
export interface ChartHostProps {
  /** The chart. */
  chart: ChartModule;
  /** Accessible name (the card's title). */
  title: string;
  /** The context built for this card. */
  ctx: ViewContext;
  /** Subscribes to zoom changes (distance charts re-plot on zoom). */
  subscribeZoom: (listener: () => void) => () => void;
}

const DEFAULT_HEIGHT = 240;
const KEY_STEP_M = 10;

/** A Plot chart linked to the shared cursor. */
export function ChartHost({ chart, title, ctx, subscribeZoom }: ChartHostProps): VNode {
  const hostRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(hostRef);
  const [mode, setMode] = useState(chart.modes?.[0]?.id ?? "");
  const [zoomVersion, setZoomVersion] = useState(0);
  const [problem, setProblem] = useState<{ kind: "empty" | "error"; text: string } | null>(null);

  useEffect(() => {
    if (chart.axis !== "distance") return;
    return subscribeZoom(() => setZoomVersion((v) => v + 1));
  }, [chart.axis, subscribeZoom]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || width <= 0) return;
    const plotArea = host.querySelector<HTMLDivElement>(".plot-area")!;
    const height = chart.height ?? DEFAULT_HEIGHT;
    const chartCtx: ChartContext = { ...ctx, width, height, mode };
    let figure: ChartFigure;
    let svg: Element;
    try {
      const result = chart.figure(chartCtx);
      if ("empty" in result) {
        plotArea.replaceChildren();
        setProblem({ kind: "empty", text: result.empty });
        return;
      }
      figure = result;
      svg = Plot.plot(plotOptions(figure, chartCtx, chart.axis));
    } catch (error) {
      plotArea.replaceChildren();
      setProblem({ kind: "error", text: error instanceof Error ? error.message : String(error) });
      console.error(`chart "${title}" failed`, error);
      return;
    }
    setProblem(null);
    plotArea.replaceChildren(svg);
    if (chart.axis === "plain") return;
    const overlay: Overlay = createOverlay(host, svg as Element & Plot.Plot, figure, chart.axis, ctx);
    return () => overlay.dispose();
  }, [width, mode, zoomVersion, ctx, chart]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (chart.axis === "plain") return;
    const step = event.shiftKey ? KEY_STEP_M * 10 : KEY_STEP_M;
    const current = ctx.cursor.get() ?? ctx.cursor.zoom()?.[0] ?? 0;
    if (event.key === "ArrowRight") ctx.cursor.set(current + step);
    else if (event.key === "ArrowLeft") ctx.cursor.set(Math.max(0, current - step));
    else if (event.key === "Escape") ctx.cursor.set(null);
    else return;
    event.preventDefault();
  };

  const modes = chart.modes ?? [];
  return html`
    <div class="chart">
      ${modes.length > 1 &&
        html`<div class="chart-modes" role="radiogroup" aria-label=${`${title}: colour by`}>
        ${
          modes.map((m) =>
            html`
              <button type="button" role="radio" aria-checked=${m.id === mode}
                class=${m.id === mode ? "seg on" : "seg"} onClick=${() => setMode(m.id)}>${m.label}</button>
            `
          )
        }
      </div>`}
      <div
        ref=${hostRef}
        class=${`chart-host axis-${chart.axis}`}
        style=${width === 0 ? `min-height:${chart.height ?? DEFAULT_HEIGHT}px` : undefined}
        tabindex=${chart.axis === "plain" ? undefined : 0}
        role="figure"
        aria-label=${chart.axis === "plain" ? title : `${title}. Arrow keys move the distance cursor.`}
        onKeyDown=${onKeyDown}
      >
        <div class="plot-area"></div>
        ${problem?.kind === "empty" && html`<p class="chart-empty">${problem.text}</p>`}
        ${problem?.kind === "error" &&
          html`<p class="chart-error" role="alert">This chart failed: ${problem.text}</p>`}
      </div>
    </div>
  `;
}

/** The figure's options completed with size, theme and, on distance charts, the zoom and the x label. */
function plotOptions(figure: ChartFigure, ctx: ChartContext, axis: ChartModule["axis"]): Plot.PlotOptions {
  const options: Plot.PlotOptions = {
    ...figure.plot,
    width: figure.plot.width ?? ctx.width,
    height: figure.plot.height ?? ctx.height,
    style: { background: "transparent", color: "var(--fg)", fontSize: "11px", overflow: "visible" },
  };
  if (axis === "distance") {
    options.clip = true;
    const zoom = ctx.cursor.zoom();
    options.x = {
      label: `Distance (${ctx.units.distanceLabel})`,
      ...figure.plot.x,
      ...(zoom ? { domain: [ctx.units.toDistance(zoom[0]), ctx.units.toDistance(zoom[1])] } : {}),
    };
  }
  return options;
}
