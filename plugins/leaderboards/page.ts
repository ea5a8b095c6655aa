/**
 * The Leaderboards page: the opt-in switch, a circuit picker and class
 * filters (kept in the address bar, so a board can be linked), the
 * lap-time board, the kings of the corners, and per corner its corner-time
 * or minimum-speed board. The caller's own laps that were left out are
 * listed with the reason.
 *
 * @module
 */

import type { VNode } from "preact";
import { type AppPageContext, defineAppPage } from "../../sdk/views.ts";
import {
  type BoardFormat,
  type BoardJson,
  boardTable,
  type ClassLabels,
  type RowJson,
} from "./_board_table.ts";

interface TrackJson {
  slug: string;
  name: string;
  drivers: number;
  your_sessions: number;
}

interface ClassJson {
  id: string;
  label: string;
  description: string;
}

interface CornerJson {
  key: string;
  label: string;
  name: string | null;
  king: RowJson | null;
  min_speed: BoardJson;
  corner_time: BoardJson;
}

interface BoardsJson {
  track: { slug: string; name: string | null };
  classes: { tyres: ClassJson[]; power: ClassJson[] };
  lap_time: BoardJson;
  corners: CornerJson[];
  you: { opted_in: boolean; counted_laps: number; excluded_laps: { lap: number; reason: string }[] };
}

const CORNER_ROWS = 5;

function classLabels(doc: BoardsJson): ClassLabels {
  const labels = (list: ClassJson[]) => Object.fromEntries(list.map((c) => [c.id, c.label]));
  return { tyres: labels(doc.classes.tyres), power: labels(doc.classes.power) };
}

function OptInSwitch({ ctx, onChange }: { ctx: AppPageContext; onChange: () => void }): VNode {
  const { html, hooks, api } = ctx;
  const [state, setState] = hooks.useState<{ opted_in: boolean; since: string | null } | null>(null);
  const [error, setError] = hooks.useState<string | null>(null);
  hooks.useEffect(() => {
    api<{ opted_in: boolean; since: string | null }>("/opt-in").then(setState, (e) => setError(String(e)));
  }, []);
  const toggle = async (on: boolean) => {
    setError(null);
    try {
      setState(await api("/opt-in", { method: "PUT", body: { opted_in: on } }));
      onChange();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return html`<label class="switch" data-opt-in=${state?.opted_in ? "on" : "off"}>
    <input type="checkbox" checked=${state?.opted_in ?? false} disabled=${state === null}
      onChange=${(e: Event) => toggle((e.target as HTMLInputElement).checked)} />
    <span>${
    state?.opted_in
      ? `You are on the leaderboards (since ${state.since?.slice(0, 10)})`
      : "Put my clean laps on the leaderboards"
  }</span>
    ${error && html`<span class="inline-error" role="alert">${error}</span>`}
  </label>`;
}

function picker(
  html: AppPageContext["html"],
  label: string,
  value: string,
  options: { id: string; label: string }[],
  onPick: (value: string) => void,
): VNode {
  return html`<label class="field">${label}
    <select value=${value} onChange=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o.id} selected=${o.id === value}>${o.label}</option>`)}
    </select>
  </label>`;
}

function Boards({ ctx, doc }: { ctx: AppPageContext; doc: BoardsJson }): VNode {
  const { html, hooks, units } = ctx;
  const [metric, setMetric] = hooks.useState<"corner_time" | "min_speed">("corner_time");
  const labels = classLabels(doc);
  const seconds = (v: number) => `${v.toFixed(3)} s`;
  const lapFormat: BoardFormat = {
    heading: "Lap time",
    value: units.formatLapTime,
    gap: (v) => `+${v.toFixed(3)}`,
  };
  const cornerTime: BoardFormat = { heading: "Time", value: seconds, gap: (v) => `+${v.toFixed(3)}` };
  const minSpeed: BoardFormat = {
    heading: "Min speed",
    value: (kmh) => units.formatSpeed(kmh / 3.6),
    gap: (kmh) => `−${units.toSpeed(kmh / 3.6).toFixed(1)}`,
  };
  const kings = doc.corners.filter((c) => c.king);
  const excluded = doc.you.excluded_laps.filter((x) => !/^(out|in)-lap$/.test(x.reason));
  return html`
    ${doc.you.opted_in && html`
      <details class="your-laps" data-your-laps>
        <summary>Your laps here: ${doc.you.counted_laps} counted, ${excluded.length} left out</summary>
        <ul class="list">${excluded.map((x) => html`<li>Lap ${x.lap}: ${x.reason}</li>`)}</ul>
      </details>
    `}
    <div class="card" data-board="lap-time">
      <div class="card-head"><h2>Lap time</h2><p class="card-desc">${doc.lap_time
        .drivers} driver(s); clean laps with good GPS only.</p></div>
      ${boardTable(html, doc.lap_time, lapFormat, labels)}
    </div>
    ${kings.length > 0 && html`
      <div class="card" data-board="kings">
        <div class="card-head">
          <h2>Kings of the corners</h2>
          <p class="card-desc">Fastest through each corner.</p>
        </div>
        <ul class="kings">${kings.map((c) =>
          html`<li class=${c.king!.you ? "king you" : "king"} data-king=${c.key}>
          <span class="crown">♛</span> <b>${c.label}</b> ${c.king!.driver} <span class="muted">${
            seconds(c.king!.value)
          }</span></li>`
        )}</ul>
      </div>
    `}
    <div class="section-row">
      <h2 class="section-title">Corners</h2>
      <span class="spacer"></span>
      <span role="group" aria-label="Corner board">
        <button type="button" class=${metric === "corner_time" ? "seg on" : "seg"}
          onClick=${() => setMetric("corner_time")}>Corner time</button>
        <button type="button" class=${metric === "min_speed" ? "seg on" : "seg"}
          onClick=${() => setMetric("min_speed")}>Min speed</button>
      </span>
    </div>
    ${doc.corners.length === 0 && html`<p class="muted">No corner result yet.</p>`}
    <div class="grid">${doc.corners.map((c) => {
      const board = c[metric];
      const top = { ...board, rows: board.rows.slice(0, CORNER_ROWS) };
      return html`<div class="card size-third" data-corner=${c.key}>
        <div class="card-head"><h3>${c.label}<span class="corner-name muted">${c.name ?? ""}</span></h3></div>
        ${boardTable(html, top, metric === "corner_time" ? cornerTime : minSpeed, labels, true)}
      </div>`;
    })}</div>
  `;
}

function LeaderboardsPage({ ctx }: { ctx: AppPageContext }): VNode {
  const { html, hooks, api, params } = ctx;
  const [tracks, setTracks] = hooks.useState<TrackJson[] | null>(null);
  const [doc, setDoc] = hooks.useState<BoardsJson | null>(null);
  const [error, setError] = hooks.useState<string | null>(null);
  const [version, setVersion] = hooks.useState(0);
  const tyres = params.tyres ?? "all", power = params.power ?? "all";
  hooks.useEffect(() => {
    api<{ tracks: TrackJson[] }>("/tracks").then((r) => setTracks(r.tracks), (e) => setError(String(e)));
  }, [version]);
  const track = params.track ?? tracks?.find((t) => t.your_sessions > 0)?.slug ?? tracks?.[0]?.slug ?? null;
  hooks.useEffect(() => {
    if (track === null) return;
    const query = new URLSearchParams({ tyres, power });
    api<BoardsJson>(`/tracks/${encodeURIComponent(track)}?${query}`).then(setDoc, (e) => setError(String(e)));
  }, [track, tyres, power, version]);
  const pick = (changed: Record<string, string>) =>
    ctx.openPage("leaderboards", { ...(track ? { track } : {}), tyres, power, ...changed });
  const all = { id: "all", label: "All" };
  return html`<div class="page leaderboards">
    <header class="page-head">
      <h1>Leaderboards</h1>
      <${OptInSwitch} ctx=${ctx} onChange=${() => setVersion((v: number) => v + 1)} />
    </header>
    ${error && html`<p class="inline-error" role="alert">${error}</p>`}
    ${
    tracks?.length === 0 && html`<p class="empty-state">No circuit on the boards yet. Upload a session and
      opt in to put your clean laps on them.</p>`
  }
    ${
    tracks && tracks.length > 0 && html`<div class="toolbar">
      ${
      picker(
        html,
        "Circuit",
        track ?? "",
        tracks.map((t) => ({ id: t.slug, label: t.name })),
        (v) => pick({ track: v }),
      )
    }
      ${picker(html, "Tyres", tyres, [all, ...(doc?.classes.tyres ?? [])], (v) => pick({ tyres: v }))}
      ${picker(html, "Power", power, [all, ...(doc?.classes.power ?? [])], (v) => pick({ power: v }))}
    </div>`
  }
    ${
    tracks && tracks.length > 0 && !doc && !error && html`<div class="skeleton tall" aria-busy="true"></div>`
  }
    ${doc && html`<${Boards} ctx=${ctx} doc=${doc} />`}
  </div>`;
}

export default defineAppPage({
  render(ctx) {
    return ctx.html`<${LeaderboardsPage} ctx=${ctx} />`;
  },
});
