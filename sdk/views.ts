/**
 * Views: how a plugin puts analysis on screen.
 *
 * A plugin declares contributions in its manifest (`views: [...]`): a **view**
 * (a tab of the workbench, e.g. Dashboard), a **panel** (a free-form card in
 * one or more views) or a **chart** (an Observable Plot figure in one or more
 * views). Each names the artifacts it reads (`needs`) and, for panels and
 * charts, a browser module inside the plugin's folder. The workbench bundles
 * those modules with esbuild when the server starts, shows a contribution
 * only when the open session has every artifact it needs, and renders each one
 * inside an error boundary, so a failing chart shows an inline error and the
 * rest of the page lives on.
 *
 * A browser module imports nothing at run time: it default-exports a
 * {@linkcode ChartModule}, {@linkcode PanelModule} or {@linkcode ViewModule}
 * whose functions receive a {@linkcode ViewContext} carrying `html` (htm bound
 * to Preact), `Plot` (Observable Plot), Preact `hooks`, the session `data`,
 * the shared distance `cursor`, the user's `units` and a chart `kit`. The
 * shell owns `Plot.plot()`, the size, the colours, the shared cursor and the
 * decimation to pixel width; modules only describe marks. Modules never
 * compute metrics: everything they draw comes from artifacts.
 *
 * @example
 * ```ts
 * import { CornersKey, definePlugin } from "./mod.ts";
 * export default definePlugin({
 *   id: "corner-chart", version: "0.1.0", sdk: "^1.0", description: "Corner minimum speeds.",
 *   views: [{
 *     kind: "chart", id: "corner-min-speeds", title: "Minimum speed per corner",
 *     in: ["deep-dive"], needs: [CornersKey], module: "./min_speeds_chart.ts",
 *   }],
 * });
 * ```
 *
 * @module
 */

import type { PlotOptions } from "@observablehq/plot";
import type * as PlotApi from "@observablehq/plot";
import type { VNode } from "preact";
import type * as PreactHooks from "preact/hooks";
import type { ArtifactKey } from "./artifact.ts";
import type { LapDelta } from "./delta.ts";
import type { Diagnostic } from "./diagnostics.ts";

/** What a contribution is: a tab, a free-form card, or a Plot chart card. */
export type ViewKind = "view" | "panel" | "chart";

/** Width of a panel or chart in its view's grid (a phone always shows one column). */
export type ViewSize = "full" | "half" | "third";

/**
 * One thing a plugin puts on screen, as declared in its manifest. The server
 * reads these without running any browser code.
 */
export interface ViewContribution {
  /** A view (tab), a panel (card) or a chart (Plot card). */
  readonly kind: ViewKind;
  /** Unique over all plugins, kebab-case, e.g. `"speed-trace"`; views use it in the URL. */
  readonly id: string;
  /** Title shown on the tab or card. */
  readonly title: string;
  /** One sentence shown under the title (charts and panels) or as the tab's tooltip. */
  readonly description?: string;
  /** Panels and charts: ids of the views they appear in (e.g. `["dashboard", "deep-dive"]`). */
  readonly in?: readonly string[];
  /** Place in the view (panels, charts) or in the tab bar (views), ascending; default 100. */
  readonly order?: number;
  /** Panels and charts: grid width; default `"full"`. */
  readonly size?: ViewSize;
  /** Panels and charts: heading of the group they are shown under in their first view (`in[0]`). */
  readonly section?: string;
  /** Artifacts it reads; it is hidden for a session that lacks any of them. */
  readonly needs: readonly ArtifactKey<unknown>[];
  /** Artifacts it also reads when the session has them (their absence never hides it). */
  readonly optional?: readonly ArtifactKey<unknown>[];
  /**
   * Distance-domain channels it reads for the selected laps (names as in
   * `DistanceLap.channels`, e.g. `"speedMps"`, `"latDeg"`); the shell
   * fetches them before rendering. Implies a need for `distance-laps`.
   */
  readonly traces?: readonly string[];
  /**
   * Reads the delta-T of the selected laps ({@linkcode ViewData.pairDelta}),
   * fetched per lap pair instead of the whole `delta` artifact (which holds
   * every lap). `"required"`: hidden when the session has no delta.
   */
  readonly pairDelta?: "required" | "optional";
  /**
   * `"track"`: it also reads every other session on the same circuit ({@linkcode ViewData.trackSessions}).
   * `"app"` (views only): a workbench-wide page that belongs to no session
   * (leaderboards, a shared session), linked from the top bar; its `module`
   * (required) default-exports an {@linkcode AppPageModule}, and `needs` is empty.
   */
  readonly scope?: "session" | "track" | "app";
  /** App pages: also shown to a visitor who is not signed in (e.g. a shared session); default false. */
  readonly public?: boolean;
  /** App pages: false keeps it out of the top bar (reached by a link only, e.g. a share link); default true. */
  readonly nav?: boolean;
  /**
   * App pages: months (1 = January … 12 = December) in which the top bar
   * highlights its link, in the visitor's own calendar (e.g. `[12]` for a
   * year in review); default never.
   */
  readonly featured?: readonly number[];
  /**
   * Browser module: a path inside the plugin's folder (`"./speed_trace.ts"`)
   * whose default export is a {@linkcode ChartModule}, {@linkcode PanelModule}
   * or {@linkcode ViewModule}. Required for panels and charts, optional for views.
   */
  readonly module?: string;
  /** Views: a one-character keyboard shortcut, e.g. `"1"`. */
  readonly key?: string;
}

/** A contribution as the browser receives it: artifact keys reduced to ids, with its plugin and module. */
export interface RegisteredView {
  /** The contribution's fields, with `needs` and `optional` as artifact ids. */
  readonly contribution: Omit<ViewContribution, "needs" | "optional"> & {
    readonly needs: readonly string[];
    readonly optional?: readonly string[];
  };
  /** Id of the contributing plugin. */
  readonly plugin: string;
  /** The module's default export, or `undefined` for a view without one. */
  readonly module?: ChartModule | PanelModule | ViewModule | AppPageModule;
}

/** An artifact value as it arrives over HTTP: typed arrays become number arrays. */
export type JsonOf<T> = T extends Float64Array | Float32Array | Int32Array ? number[]
  : T extends (infer E)[] ? JsonOf<E>[]
  : T extends object ? { [K in keyof T]: JsonOf<T[K]> }
  : T;

/** One session as views see it. */
export interface ViewSession {
  /** Server id. */
  id: string;
  /** File name as uploaded. */
  fileName: string;
  /** Circuit name, or null on an unknown circuit. */
  trackName: string | null;
  /** Circuit slug, or null. */
  trackSlug: string | null;
  /** When the session was driven (ISO 8601), or when it was uploaded when the file does not say. */
  date: string | null;
  /** Best lap's number, or null. */
  bestLap: number | null;
  /** Best lap's time, s, or null. */
  bestLapTimeS: number | null;
  /** Number of laps. */
  lapCount: number;
}

/** One lap as views see it. */
export interface ViewLap {
  /** Lap number. */
  number: number;
  /** Lap time, s, or null when the lap never reached the line. */
  timeS: number | null;
  /** Distance driven, m. */
  distanceM: number;
  /** Start crossing, s on the session's time axis. */
  startTimeS: number;
  /** `out`, `flying` or `in`. */
  kind: string;
  /** Counts for best-lap statistics. */
  included: boolean;
  /** Why it does not count, or null. */
  excludedReason: string | null;
  /** Tags (automatic and the user's). */
  tags: string[];
}

/** One lap's distance-domain channels: point `i` lies at `i × stepM` metres from the line. */
export interface LapTrace {
  /** Lap number. */
  lap: number;
  /** Grid spacing, m. */
  stepM: number;
  /** Number of points. */
  points: number;
  /** Channels by name (only those requested and present). */
  channels: Record<string, Float64Array>;
}

/** Read access to one session's analysis. */
export interface SessionView {
  /** The session. */
  session: ViewSession;
  /** Its laps in order. */
  laps: ViewLap[];
  /** What the analysis reported (bad rows, dropouts, stages that failed). */
  diagnostics: Diagnostic[];
  /** Whether the session has the artifact. */
  has(key: ArtifactKey<unknown>): boolean;
  /** The artifact's value (loaded when the contribution declared it in `needs` or `optional`), else undefined. */
  artifact<T>(key: ArtifactKey<T>): JsonOf<T> | undefined;
}

/** Everything a contribution can read. */
export interface ViewData extends SessionView {
  /** Distance-domain channels of a selected lap (those named in `traces`), or undefined. */
  trace(lap: number): LapTrace | undefined;
  /**
   * Delta-T of the selected laps (for contributions with `pairDelta`): the
   * comparison lap against the reference when two laps are selected, else
   * the reference against the best lap, or the best lap against the
   * theoretical best. Undefined when the analysis has no such delta.
   */
  pairDelta(): JsonOf<LapDelta> | undefined;
  /** `scope: "track"`: every ready session on the same circuit, oldest first, this one included. */
  trackSessions: SessionView[];
}

/** The laps picked for comparison: the reference (best lap by default) and an optional second lap. */
export interface LapSelection {
  /** Reference lap number, or null for a session without laps. */
  ref: number | null;
  /** Comparison lap number, or null. */
  comp: number | null;
  /** Picks laps (updates the URL). */
  select(ref: number | null, comp: number | null): void;
}

/** The corner in focus (Deep Dive), shared by every contribution. */
export interface CornerFocus {
  /** Corner number, or null. */
  selected: number | null;
  /** Focuses a corner (and zooms distance charts to it) or clears the focus. */
  select(corner: number | null): void;
}

/**
 * The shared distance cursor and zoom. Hovering any distance chart or the
 * track map sets it; every distance chart draws it and the map shows a dot.
 * Updates are coalesced to one per animation frame.
 */
export interface CursorStore {
  /** Cursor position, m from the line, or null. */
  get(): number | null;
  /** Moves the cursor. */
  set(distanceM: number | null): void;
  /** Called with each new position; returns the unsubscribe function. */
  subscribe(listener: (distanceM: number | null) => void): () => void;
  /** Visible distance range of the distance charts, m, or null for the whole lap. */
  zoom(): readonly [number, number] | null;
  /** Sets the zoom range. */
  setZoom(rangeM: readonly [number, number] | null): void;
}

/** The user's units and formatters. Data is SI; display goes through these. */
export interface Units {
  /** Speed unit. */
  speed: "kmh" | "mph";
  /** Distance unit. */
  distance: "m" | "ft";
  /** `"km/h"` or `"mph"`. */
  speedLabel: string;
  /** `"m"` or `"ft"`. */
  distanceLabel: string;
  /** m/s → display speed. */
  toSpeed(mps: number): number;
  /** m → display distance. */
  toDistance(m: number): number;
  /** Display distance → m. */
  fromDistance(value: number): number;
  /** `"112 km/h"`. */
  formatSpeed(mps: number): string;
  /** `"1,234 m"`. */
  formatDistance(m: number): string;
  /** Lap time `"1:32.456"`. */
  formatLapTime(s: number | null): string;
  /** Signed delta `"+0.123 s"`. */
  formatDelta(s: number): string;
}

/** Column arrays ready for Plot: `Plot.line({length: n}, {x: s.x, y: s.y})`. */
export interface Series {
  /** x values (display units). */
  x: Float64Array;
  /** y values. */
  y: Float64Array;
  /** Number of points. */
  length: number;
}

/** Chart helpers the shell provides (the shell's own code, shared by every plugin). */
export interface ChartKit {
  /**
   * A channel against distance, clipped to the zoom and reduced to at most
   * two points (min and max) per pixel column of `widthPx`; x in display
   * distance units, y passed through `mapY` (e.g. `units.toSpeed`).
   */
  distanceSeries(trace: LapTrace, channel: string, widthPx: number, mapY?: (v: number) => number): Series;
  /**
   * Like {@linkcode distanceSeries} for values on an explicit grid of `stepM`
   * metres (e.g. a delta-T array).
   */
  gridSeries(values: ArrayLike<number>, stepM: number, widthPx: number, mapY?: (v: number) => number): Series;
  /** A lap's path in local metres (x east, y north), reduced to about `maxPoints` points. */
  trackPath(trace: LapTrace, maxPoints?: number): TrackPath;
  /** Colour of the reference (0) and comparison (1) laps, and of further series. */
  lapColor(index: number): string;
  /** Colour for gains (negative delta) and losses (positive delta). */
  deltaColor(sign: "gain" | "loss"): string;
  /** The card's background colour in the current theme (for halos and label backgrounds). */
  surface: string;
  /**
   * Plot options that show `path` (with `marginPx` around it) at one scale on
   * both axes, `widthPx` wide and at most `maxHeightPx` high (less when the
   * track is wider than tall), axes hidden.
   */
  mapScales(path: TrackPath, widthPx: number, maxHeightPx: number, marginPx?: number): MapScales;
}

/** Plot options for a map: equal metres per pixel on x and y; spread them into the plot options. */
export interface MapScales {
  /** Margin on every side, px. */
  margin: number;
  /** Height of the chart, px. */
  height: number;
  /** x scale options. */
  x: { domain: [number, number]; axis: null };
  /** y scale options. */
  y: { domain: [number, number]; axis: null };
}

/** A lap's path on the map. */
export interface TrackPath {
  /** East, m, relative to the lap's centre. */
  x: Float64Array;
  /** North, m. */
  y: Float64Array;
  /** Distance from the line of each point, m. */
  distanceM: Float64Array;
  /** Number of points. */
  length: number;
  /** Point nearest to a distance, as `[x, y]`, or null outside the lap. */
  at(distanceM: number): [number, number] | null;
  /** Distance of the path point nearest to `(x, y)`. */
  nearest(x: number, y: number): number;
}

/** htm bound to Preact: ``html`<div class="x">${value}</div>` ``. */
export type HtmlTag = (strings: TemplateStringsArray, ...values: unknown[]) => VNode;

/** Preact's hooks, for panels that keep local state. */
export type Hooks = Pick<
  typeof PreactHooks,
  "useState" | "useEffect" | "useMemo" | "useRef" | "useCallback" | "useLayoutEffect"
>;

/** What every browser module function receives. */
export interface ViewContext {
  /** htm bound to Preact. */
  html: HtmlTag;
  /** Observable Plot. */
  Plot: typeof PlotApi;
  /** Preact hooks. */
  hooks: Hooks;
  /** The open session's data. */
  data: ViewData;
  /** Selected laps. */
  laps: LapSelection;
  /** Focused corner. */
  corner: CornerFocus;
  /** Shared cursor and zoom. */
  cursor: CursorStore;
  /** Display units. */
  units: Units;
  /** Colour theme. */
  theme: "light" | "dark";
  /** Chart helpers. */
  kit: ChartKit;
  /** Opens another view, e.g. `open("deep-dive", {corner: 5})`. */
  open(viewId: string, options?: { corner?: number }): void;
  /**
   * GETs one of the contributing plugin's own HTTP routes for the open
   * session (`/api/plugins/<plugin>/sessions/<id><path>`, see `routes.ts`);
   * rejects with the server's error message.
   */
  route<T = unknown>(path: string): Promise<T>;
  /**
   * Calls one of the contributing plugin's workbench-wide routes
   * (`/api/plugins/<plugin><path>`, see `app.ts`), e.g. to create a share
   * link for the open session; rejects with the server's error message.
   */
  api: AppApi;
  /**
   * Call after one of the plugin's routes queued the open session's analysis
   * again (e.g. it changed one of the analysis's inputs): resolves once that
   * analysis has finished and the session is reloaded in every view; rejects
   * with the reason when the analysis failed.
   */
  reanalysed(): Promise<void>;
}

/** What {@linkcode AppApi} sends: a method, and a JSON body or a file (multipart field `file`). */
export interface AppApiInit {
  /** HTTP method; default GET. */
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A JSON body. */
  readonly body?: unknown;
  /** A file, sent as `multipart/form-data` in field `file` (for `upload: true` routes). */
  readonly file?: Blob & { readonly name?: string };
}

/**
 * Calls the contributing plugin's app route at `path` (below `/api/plugins/<plugin>`); resolves to its
 * JSON (keys snake_case, as the server writes them). Rejects with an {@linkcode AppApiError}.
 */
export type AppApi = <T = unknown>(path: string, init?: AppApiInit) => Promise<T>;

/** How an {@linkcode AppApi} call fails: the server's message, with its status and code. */
export interface AppApiError extends Error {
  /** HTTP status, e.g. 410; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's machine-readable code, e.g. `"share_link_expired"`. */
  readonly code: string;
}

/** The visitor of an app page. */
export interface PageUser {
  /** User id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
}

/** Size and label of a figure on an app page ({@linkcode AppPageContext.plot}). */
export interface PagePlotOptions {
  /** Height, px. */
  readonly height: number;
  /** What it shows, for screen readers (and tests: the figure's `data-page-plot`). */
  readonly label: string;
}

/** What an {@linkcode AppPageModule} receives. */
export interface AppPageContext {
  /** htm bound to Preact. */
  html: HtmlTag;
  /** Observable Plot. */
  Plot: typeof PlotApi;
  /** Preact hooks. */
  hooks: Hooks;
  /** Display units. */
  units: Units;
  /** Colour theme. */
  theme: "light" | "dark";
  /** The signed-in user (the local user in local mode), or null for an anonymous visitor. */
  user: PageUser | null;
  /** The page's parameters from the address bar (e.g. `{token: "…"}`). */
  params: Readonly<Record<string, string>>;
  /** Calls the contributing plugin's app routes. */
  api: AppApi;
  /** Opens an app page (this plugin's or another's) with parameters. */
  openPage(pageId: string, params?: Record<string, string>): void;
  /** Opens one of the user's sessions in the workbench, optionally in a given view. */
  openSession(sessionId: string, viewId?: string): void;
  /** The address of an app page, for links to share (absolute, with the server's origin). */
  pageUrl(pageId: string, params?: Record<string, string>): string;
  /**
   * A Plot figure the shell draws at the width available: `build(widthPx)`
   * returns the marks and scales; the shell adds the width, the height and
   * the theme's colours, and shows an inline error should `build` throw.
   */
  plot(build: (widthPx: number) => PlotOptions, options: PagePlotOptions): VNode;
}

/** An app page module (`scope: "app"` views): renders the whole page as a Preact component (hooks allowed). */
export interface AppPageModule {
  /** Always `"page"`. */
  readonly kind: "page";
  /** The page's content. */
  render(ctx: AppPageContext): VNode | null;
}

/** Declares an app page module (identity; for type inference). */
export function defineAppPage(page: Omit<AppPageModule, "kind">): AppPageModule {
  return { kind: "page", ...page };
}

/** What a chart's `figure` receives: the context plus its size and mode. */
export interface ChartContext extends ViewContext {
  /** Width of the plot area, px. */
  width: number;
  /** Height, px. */
  height: number;
  /** The chosen {@linkcode ChartModule.modes} id, or `""` for a chart without modes. */
  mode: string;
}

/** One choice of a chart's mode switch, e.g. colour the track map by speed or by delta. */
export interface ChartMode {
  /** Id passed back as {@linkcode ChartContext.mode}. */
  id: string;
  /** Button label. */
  label: string;
}

/** A chart's figure. */
export interface ChartFigure {
  /** Plot options; the shell adds width, height, style and (distance charts) the x domain and label. */
  plot: PlotOptions;
  /** Map charts: where the cursor is, in the plot's x/y data units. */
  locate?(distanceM: number): [number, number] | null;
  /** Map charts: distance, m, of the point nearest to the pointer in data units. */
  nearest?(x: number, y: number): number | null;
  /** Distance charts: text shown beside the cursor, e.g. `"L5 112 km/h · L7 109 km/h"`. */
  readout?(distanceM: number): string;
}

/** What a chart shows instead of a figure when its data has nothing to plot. */
export interface ChartEmpty {
  /** One sentence, e.g. `"Pick a second lap to compare."`. */
  empty: string;
}

/**
 * A chart module. `axis` says how the shell links it: `"distance"` charts
 * have lap distance (display units) on x, share the cursor and zoom, and the
 * shell draws the cursor line; `"map"` charts are track maps and get the
 * cursor dot; `"plain"` charts are not linked.
 */
export interface ChartModule {
  /** Always `"chart"`. */
  readonly kind: "chart";
  /** How the chart is linked to the cursor. */
  readonly axis: "distance" | "map" | "plain";
  /** Height, px (default 240). */
  readonly height?: number;
  /** Modes offered as a switch in the card's header; the first is the default. */
  readonly modes?: readonly ChartMode[];
  /** Builds the figure; called when data, laps, units, size or zoom change, never on cursor moves. */
  figure(ctx: ChartContext): ChartFigure | ChartEmpty;
}

/** A panel module: free-form content; `render` runs as a Preact component (hooks allowed). */
export interface PanelModule {
  /** Always `"panel"`. */
  readonly kind: "panel";
  /** The panel's content, or null to show nothing. */
  render(ctx: ViewContext): VNode | null;
}

/** A view module: optional content above the view's panels and charts. */
export interface ViewModule {
  /** Always `"view"`. */
  readonly kind: "view";
  /** Content above the grid (e.g. the session header), or null. */
  header?(ctx: ViewContext): VNode | null;
}

/** Declares a chart module (identity; for type inference). */
export function defineChart(chart: Omit<ChartModule, "kind">): ChartModule {
  return { kind: "chart", ...chart };
}

/** Declares a panel module (identity; for type inference). */
export function definePanel(panel: Omit<PanelModule, "kind">): PanelModule {
  return { kind: "panel", ...panel };
}

/** Declares a view module (identity; for type inference). */
export function defineViewModule(view: Omit<ViewModule, "kind">): ViewModule {
  return { kind: "view", ...view };
}
