/**
 * Builds the {@linkcode ViewContext} a browser module receives: the SDK's
 * browser API, backed by the shell's stores.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ArtifactKey } from "../../sdk/artifact.ts";
import type {
  ChartKit,
  CornerFocus,
  CursorStore,
  HtmlTag,
  JsonOf,
  LapSelection,
  SessionView,
  Units,
  ViewContext,
} from "../../sdk/views.ts";
import { appApi } from "../api/app_api.ts";
import { requestJson } from "../api/http.ts";
import type { SessionStore } from "../api/session_store.ts";
import { reanalysed as waitForAnalysis } from "../upload/transfer.ts";

/** What the shell knows when it renders a contribution. */
export interface ContextInputs {
  /** The open session. */
  store: SessionStore;
  /** Sessions on the same circuit (empty unless the contribution has `scope: "track"`). */
  trackStores: readonly SessionStore[];
  /** Lap selection. */
  laps: LapSelection;
  /** Corner focus. */
  corner: CornerFocus;
  /** Cursor and zoom. */
  cursor: CursorStore;
  /** Units. */
  units: Units;
  /** Theme. */
  theme: "light" | "dark";
  /** Chart kit. */
  kit: ChartKit;
  /** Opens a view. */
  open: ViewContext["open"];
  /** Loads the open session again (after its analysis ran again). */
  reload(): void;
}

const hooks = { useState, useEffect, useMemo, useRef, useCallback, useLayoutEffect };

/** The context for one contribution of plugin `plugin`. */
export function buildViewContext(inputs: ContextInputs, plugin: string): ViewContext {
  const { store, laps } = inputs;
  const session = encodeURIComponent(store.detail.session.id);
  return {
    html: html as unknown as HtmlTag,
    Plot,
    hooks,
    data: {
      ...sessionView(store),
      trace: (lap) => store.trace(lap),
      pairDelta: () => (laps.ref === null ? undefined : store.pairDelta(laps.ref, laps.comp)),
      trackSessions: inputs.trackStores.map(sessionView),
    },
    laps,
    corner: inputs.corner,
    cursor: inputs.cursor,
    units: inputs.units,
    theme: inputs.theme,
    kit: inputs.kit,
    open: inputs.open,
    route: (path) => requestJson(`/api/plugins/${encodeURIComponent(plugin)}/sessions/${session}${path}`),
    api: appApi(plugin),
    async reanalysed() {
      await waitForAnalysis(store.detail.session.id, "queued");
      inputs.reload();
    },
  };
}

/** A session store seen through the SDK's read-only {@linkcode SessionView}. */
export function sessionView(store: SessionStore): SessionView {
  return {
    session: store.detail.session,
    laps: store.detail.laps,
    diagnostics: store.detail.diagnostics,
    has: (key: ArtifactKey<unknown>) => store.has(key.id),
    artifact: <T>(key: ArtifactKey<T>) => store.artifact(key.id) as JsonOf<T> | undefined,
  };
}
