/**
 * The cursor overlay of one plotted chart: a vertical line and a readout on a
 * distance chart, a dot on a map, the pointer handlers that move the shared
 * cursor, and drag-to-zoom on distance charts. Positions come from the
 * plot's own scales; moving the cursor only changes a transform.
 *
 * @module
 */

/// <reference lib="dom" />

import type * as Plot from "@observablehq/plot";
import type { ChartFigure, ViewContext } from "../../sdk/views.ts";

/** A live overlay; `dispose` removes it and its listeners. */
export interface Overlay {
  /** Removes the overlay elements and listeners. */
  dispose(): void;
}

const MIN_ZOOM_DRAG_PX = 8;

/** Attaches the overlay for `svg` (the value `Plot.plot` returned) inside `host`. */
export function createOverlay(
  host: HTMLElement,
  plotted: Element & Plot.Plot,
  figure: ChartFigure,
  axis: "distance" | "map",
  ctx: ViewContext,
): Overlay {
  const svg = plotted instanceof SVGSVGElement ? plotted : plotted.querySelector("svg:last-of-type");
  const x = plotted.scale("x"), y = plotted.scale("y");
  if (!svg || !x || !y) return { dispose() {} };
  const layer = document.createElement("div");
  layer.className = "cursor-layer";
  host.append(layer);
  // Where the plot sits in the host, measured when first needed: measuring at
  // creation would force a layout per chart while the view is being drawn.
  let measured: { left: number; top: number } | null = null;
  const origin = () => {
    if (!measured) {
      const h = host.getBoundingClientRect(), s = svg.getBoundingClientRect();
      measured = { left: s.left - h.left, top: s.top - h.top };
    }
    return measured;
  };
  const [yBottom, yTop] = (y.range ?? [0, 0]) as [number, number];
  const [xLeft, xRight] = (x.range ?? [0, 0]) as [number, number];
  const { units, cursor } = ctx;

  let line: HTMLDivElement | null = null,
    readout: HTMLDivElement | null = null,
    dot: HTMLDivElement | null = null;
  if (axis === "distance") {
    line = element(layer, "cursor-line");
    line.style.height = `${Math.abs(yBottom - yTop)}px`;
    readout = element(layer, "cursor-readout");
  } else {
    dot = element(layer, "cursor-dot");
  }

  const show = (distanceM: number | null) => {
    if (line && readout) {
      const px = distanceM === null ? NaN : x.apply(units.toDistance(distanceM));
      const visible = Number.isFinite(px) && px >= xLeft - 0.5 && px <= xRight + 0.5;
      line.style.display = readout.style.display = visible ? "block" : "none";
      if (!visible) return;
      const { left, top } = origin();
      line.style.top = readout.style.top = `${top + Math.min(yTop, yBottom)}px`;
      line.style.transform = `translateX(${left + px}px)`;
      readout.textContent = `${units.formatDistance(distanceM!)}${
        figure.readout ? ` · ${figure.readout(distanceM!)}` : ""
      }`;
      const flip = px > (xLeft + xRight) / 2;
      readout.style.transform = `translateX(${left + px + (flip ? -6 : 6)}px) translateX(${
        flip ? "-100%" : "0"
      })`;
    } else if (dot) {
      const at = distanceM === null ? null : figure.locate?.(distanceM) ?? null;
      dot.style.display = at ? "block" : "none";
      if (at) {
        dot.style.transform = `translate(${origin().left + x.apply(at[0])}px, ${
          origin().top + y.apply(at[1])
        }px)`;
      }
    }
  };
  const unsubscribe = cursor.subscribe(show);
  show(cursor.get());

  const toPlot = (event: PointerEvent) => {
    const s = svg.getBoundingClientRect();
    return [event.clientX - s.left, event.clientY - s.top] as const;
  };
  const distanceAtPointer = (event: PointerEvent): number | null => {
    const [px, py] = toPlot(event);
    if (axis === "distance") {
      if (px < Math.min(xLeft, xRight) || px > Math.max(xLeft, xRight)) return null;
      return Math.max(0, units.fromDistance(x.invert!(px)));
    }
    return figure.nearest?.(x.invert!(px), y.invert!(py)) ?? null;
  };

  let dragStart: number | null = null;
  const band = axis === "distance" ? element(layer, "zoom-band") : null;
  const onMove = (event: PointerEvent) => {
    const d = distanceAtPointer(event);
    if (d !== null) cursor.set(d);
    if (band && dragStart !== null) {
      const [px] = toPlot(event);
      const a = Math.min(dragStart, px), b = Math.max(dragStart, px);
      band.style.display = b - a >= MIN_ZOOM_DRAG_PX ? "block" : "none";
      band.style.transform = `translateX(${origin().left + a}px)`;
      band.style.width = `${b - a}px`;
      band.style.top = `${origin().top + Math.min(yTop, yBottom)}px`;
      band.style.height = `${Math.abs(yBottom - yTop)}px`;
    }
  };
  const onLeave = () => {
    cursor.set(null);
    dragStart = null;
    if (band) band.style.display = "none";
  };
  const onDown = (event: PointerEvent) => {
    if (axis !== "distance" || event.pointerType === "touch") return;
    dragStart = toPlot(event)[0];
  };
  const onUp = (event: PointerEvent) => {
    if (dragStart === null) return;
    const end = toPlot(event)[0];
    const a = Math.min(dragStart, end), b = Math.max(dragStart, end);
    dragStart = null;
    if (band) band.style.display = "none";
    if (b - a < MIN_ZOOM_DRAG_PX) return;
    cursor.setZoom([units.fromDistance(x.invert!(a)), units.fromDistance(x.invert!(b))]);
  };
  const onDoubleClick = () => {
    if (axis === "distance") cursor.setZoom(null);
  };
  const onResize = () => {
    measured = null;
    show(cursor.get());
  };
  host.addEventListener("pointermove", onMove);
  host.addEventListener("pointerleave", onLeave);
  host.addEventListener("pointerdown", onDown);
  host.addEventListener("pointerup", onUp);
  host.addEventListener("dblclick", onDoubleClick);
  addEventListener("resize", onResize);
  return {
    dispose() {
      unsubscribe();
      host.removeEventListener("pointermove", onMove);
      host.removeEventListener("pointerleave", onLeave);
      host.removeEventListener("pointerdown", onDown);
      host.removeEventListener("pointerup", onUp);
      host.removeEventListener("dblclick", onDoubleClick);
      removeEventListener("resize", onResize);
      layer.remove();
    },
  };
}

function element(parent: HTMLElement, className: string): HTMLDivElement {
  const el = document.createElement("div");
  el.className = className;
  el.style.display = "none";
  parent.append(el);
  return el;
}
