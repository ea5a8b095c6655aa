/**
 * The workbench shell: top bar with the registered views as tabs, the app
 * pages (plugins' workbench-wide pages and the Plugins page), session drawer,
 * upload, lap picker, settings, the account, and the open view. State that
 * can be linked lives in the URL; units and theme in the browser.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { CornerFocus, LapSelection, RegisteredView } from "../sdk/views.ts";
import { createSessionStore, type SessionStore } from "./api/session_store.ts";
import {
  deleteSession,
  fetchSession,
  listSessions,
  type SessionDetail,
  type SessionListItem,
} from "./api/server_api.ts";
import { createChartKit } from "./charts/kit.ts";
import type { Account } from "./api/account.ts";
import { AccountMenu } from "./shell/account_menu.ts";
import { LapPicker } from "./shell/lap_picker.ts";
import { SessionDrawer } from "./shell/session_drawer.ts";
import { SettingsMenu } from "./shell/settings_menu.ts";
import { SessionStatusView } from "./shell/session_status.ts";
import { useKeyboardShortcuts } from "./shell/shortcuts.ts";
import { createCursorStore } from "./state/cursor.ts";
import { useSettings } from "./state/settings.ts";
import { useUrlState } from "./state/url_state.ts";
import { createUnits } from "./units.ts";
import { AppPageLinks } from "./shell/app_page_links.ts";
import { AppPageHost, isAppPage, useAppPages } from "./shell/app_pages.ts";
import { PLUGINS_PAGE } from "./shell/plugins_page.ts";
import { UploadPanel } from "./upload/upload_panel.ts";
import { useUploadQueue } from "./upload/upload_queue.ts";
import { prefetchViewData } from "./views/contribution_data.ts";
import { ViewHost } from "./views/view_host.ts";

/** Properties of {@linkcode App}. */
export interface AppProps {
  /** Every registered view, panel and chart. */
  registry: readonly RegisteredView[];
  /** The browser's account (local mode or the signed-in user). */
  account: Account;
  /** Signs out. */
  onSignOut: () => void;
}

const CORNER_LEAD_IN_M = 150;
const CORNER_LEAD_OUT_M = 50;

/** The lap chosen in the address bar, else the best lap, else the first timed lap. */
function referenceLap(detail: SessionDetail, chosen: number | null): number | null {
  return chosen ?? detail.session.bestLap ?? detail.laps.find((l) => l.timeS !== null)?.number ?? null;
}

/** The whole page. */
export function App({ registry: plugins, account, onSignOut }: AppProps): VNode {
  const registry = useMemo(() => [...plugins, PLUGINS_PAGE], [plugins]);
  const [settings, updateSettings] = useSettings();
  const [url, updateUrl] = useUrlState();
  const appPages = useAppPages(registry);
  const [sessions, setSessions] = useState<SessionListItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [store, setStore] = useState<SessionStore | null>(null);
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const stores = useRef(new Map<string, SessionStore>());
  const cursor = useMemo(createCursorStore, [store]);
  const units = useMemo(() => createUnits(settings), [settings.speed, settings.distance]);
  const kit = useMemo(() => createChartKit(units, cursor, settings.theme), [units, cursor, settings.theme]);

  const views = useMemo(
    () =>
      registry.filter((r) => r.contribution.kind === "view" && !isAppPage(r))
        .sort((a, b) => (a.contribution.order ?? 100) - (b.contribution.order ?? 100)),
    [registry],
  );
  const view = views.find((v) => v.contribution.id === url.view) ?? views[0];

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  const refreshList = useCallback(async () => {
    try {
      setSessions(await listSessions());
      setListError(null);
    } catch (error) {
      setListError(error instanceof Error ? error.message : String(error));
    }
  }, []);
  useEffect(() => void refreshList(), []);

  // Landing on "/" with sessions: open the newest analysed one.
  useEffect(() => {
    if (url.session || !sessions || appPages.current) return;
    const newest = sessions.find((s) => s.status === "ready");
    if (newest) updateUrl({ session: newest.session.id });
  }, [sessions, url.session, appPages.current]);

  // Read when a session's detail arrives, to start loading the open view's data at once.
  const latest = useRef({ url, views });
  latest.current = { url, views };
  const loadSession = useCallback(async (id: string) => {
    setSessionError(null);
    try {
      const detail = await fetchSession(id);
      const created = createSessionStore(detail);
      if (detail.status === "ready") {
        const { url, views } = latest.current;
        const viewId = (views.find((v) => v.contribution.id === url.view) ?? views[0])?.contribution.id;
        if (viewId) {
          prefetchViewData(created, registry, viewId, { ref: referenceLap(detail, url.ref), comp: url.comp });
        }
        stores.current.set(id, created);
      }
      setStore(created);
    } catch (error) {
      setStore(null);
      setSessionError(error instanceof Error ? error.message : String(error));
    }
  }, []);
  useEffect(() => {
    if (!url.session) return setStore(null);
    const cached = stores.current.get(url.session);
    if (cached) setStore(cached);
    else void loadSession(url.session);
  }, [url.session]);

  const openSession = useCallback((id: string) => {
    updateUrl({ session: id, ref: null, comp: null, corner: null });
    setDrawerOpen(false);
  }, []);

  const uploads = useUploadQueue((sessionId) => {
    void refreshList();
    stores.current.delete(sessionId);
    if (url.session === sessionId) void loadSession(sessionId);
    else if (!url.session || uploads.items.length <= 1) openSession(sessionId);
  });

  // A tagged lap stays the reference even if the tag changed which lap is best.
  const reanalysed = useCallback((taggedLap: number | null) => {
    if (!url.session) return;
    if (taggedLap !== null) updateUrl({ ref: taggedLap });
    stores.current.delete(url.session);
    void loadSession(url.session);
    void refreshList();
  }, [url.session]);

  const remove = useCallback(async (id: string) => {
    await deleteSession(id);
    stores.current.delete(id);
    if (url.session === id) updateUrl({ session: null, ref: null, comp: null, corner: null });
    await refreshList();
  }, [url.session]);

  const detail = store?.detail ?? null;
  const ready = detail?.status === "ready" && detail.session.id === url.session;
  const bestLap = detail?.session.bestLap ?? null;
  const laps: LapSelection = useMemo(() => ({
    ref: detail ? referenceLap(detail, url.ref) : url.ref,
    comp: url.comp,
    select: (ref, comp) => updateUrl({ ref: ref === bestLap ? null : ref, comp }),
  }), [url.ref, url.comp, bestLap, detail]);

  const corner: CornerFocus = useMemo(() => ({
    selected: url.corner,
    select(n) {
      updateUrl({ corner: n });
      const corners = store?.artifact("corners") as
        | { number: number; entryM: number; exitM: number }[]
        | undefined;
      const c = n === null ? undefined : corners?.find((x) => x.number === n);
      cursor.setZoom(c ? [Math.max(0, c.entryM - CORNER_LEAD_IN_M), c.exitM + CORNER_LEAD_OUT_M] : null);
    },
  }), [url.corner, store, cursor]);

  const open = useCallback((viewId: string, options?: { corner?: number }) => {
    updateUrl({ view: viewId });
    if (options?.corner !== undefined) corner.select(options.corner);
  }, [corner]);

  const reload = useCallback(() => reanalysed(null), [reanalysed]);
  const inputs = useMemo(
    () => store && { store, laps, corner, cursor, units, theme: settings.theme, kit, open, reload },
    [store, laps, corner, cursor, units, settings.theme, kit, open, reload],
  );

  const loadTrackStores = useCallback(async () => {
    const slug = store?.detail.session.trackSlug;
    if (!slug || !sessions) return store ? [store] : [];
    const same = sessions.filter((s) => s.status === "ready" && s.session.trackSlug === slug);
    const loaded = await Promise.all(same.map(async ({ session }) => {
      let s = stores.current.get(session.id);
      if (!s) {
        s = createSessionStore(await fetchSession(session.id));
        stores.current.set(session.id, s);
      }
      return s;
    }));
    return loaded.sort((a, b) => (a.detail.session.date ?? "").localeCompare(b.detail.session.date ?? ""));
  }, [store, sessions]);

  useKeyboardShortcuts({
    views,
    onView: (id) => updateUrl({ view: id }),
    onEscape: () => {
      setDrawerOpen(false);
      setSettingsOpen(false);
    },
    corner,
    cornerCount: () => (store?.artifact("corners") as unknown[] | undefined)?.length ?? 0,
  });

  const uploadPanel = (large = false) =>
    html`<${UploadPanel} queue=${uploads} onOpen=${openSession} large=${large} />`;

  return html`
    <div class="app">
      <header class="topbar">
        <button type="button" class="icon" aria-label="Sessions" aria-expanded=${drawerOpen} onClick=${() =>
          setDrawerOpen(!drawerOpen)}>☰</button>
        <a class="brand" href="/" onClick=${(e: Event) => {
          e.preventDefault();
          updateUrl({ session: null, view: null, ref: null, comp: null, corner: null });
        }}>Cataclysm<span> Workbench</span></a>
        ${ready && html`<nav class="tabs" role="tablist" aria-label="Views">
          ${
          views.map((v) =>
            html`
              <button type="button" role="tab" aria-selected=${v === view} class=${v === view
                ? "tab on"
                : "tab"}
                data-view-tab=${v.contribution.id} title=${`${v.contribution.description ?? ""}${
                  v.contribution.key ? ` (${v.contribution.key})` : ""
                }`}
                onClick=${() => updateUrl({ view: v.contribution.id })}>${v.contribution.title}</button>
            `
          )
        }
        </nav>`}
        <${AppPageLinks} pages=${appPages} />
        <span class="spacer"></span>
        <${AccountMenu} account=${account} onSignOut=${onSignOut} />
        <button type="button" class="button" onClick=${() => setDrawerOpen(true)}>Upload</button>
        <button type="button" class="icon" aria-label="Settings" aria-expanded=${settingsOpen} onClick=${() =>
          setSettingsOpen(!settingsOpen)}>⚙</button>
        ${settingsOpen &&
          html`<${SettingsMenu} settings=${settings} onChange=${updateSettings} onClose=${() =>
            setSettingsOpen(false)} onImported=${refreshList} />`}
      </header>
      ${drawerOpen && html`
        <div class="scrim" onClick=${() => setDrawerOpen(false)}></div>
        <${SessionDrawer} sessions=${sessions ?? []} current=${url.session} units=${units}
          onOpen=${openSession} onDelete=${remove} onClose=${() => setDrawerOpen(false)}>
          <${AppPageLinks} pages=${appPages} placement="drawer" onNavigate=${() => setDrawerOpen(false)} />
          ${uploadPanel()}
        <//>
      `}
      <main class="main" id="main">
        ${appPages.current &&
          html`<${AppPageHost} pages=${appPages} units=${units} theme=${settings.theme} account=${account} />`}
        ${listError && !appPages.current &&
          html`<p class="inline-error" role="alert">Could not list sessions: ${listError}</p>`}
        ${!url.session && !appPages.current && sessions && html`<section class="welcome">
          <h1>Where did the time go?</h1>
          <p>Drop a RaceChrono, VBOX or AiM export: the workbench finds the circuit, the laps and every corner.</p>
          ${uploadPanel(true)}
        </section>`}
        ${!url.session && !appPages.current && !sessions && !listError &&
          html`<div class="skeleton tall" aria-busy="true" aria-label="Loading"></div>`}
        ${url.session && sessionError && html`<p class="inline-error" role="alert">${sessionError}</p>`}
        ${url.session && !sessionError && (!detail || detail.session.id !== url.session) &&
          html`<div class="skeleton tall" aria-busy="true" aria-label="Loading session"></div>`}
        ${detail && detail.session.id === url.session && detail.status !== "ready" &&
          html`<${SessionStatusView} detail=${detail} onReady=${() => {
            void refreshList();
            void loadSession(detail.session.id);
          }} />`}
        ${ready && inputs && view && html`
          <${LapPicker} sessionId=${detail.session.id} laps=${detail
            .laps} bestLap=${bestLap} selection=${laps}
            units=${units} onReanalysed=${reanalysed} />
          <${ViewHost} key=${`${view.contribution.id}:${detail.session.id}`} view=${view} registry=${registry}
            inputs=${inputs} loadTrackStores=${loadTrackStores} subscribeZoom=${cursor.subscribeZoom} />
        `}
        ${ready && views.length === 0 && html`<p class="empty-state">No view plugin is registered.</p>`}
      </main>
    </div>
  `;
}
