/**
 * The Wrapped page: the driver's year in numbers, the highlights (biggest
 * improvement, most consistent corner, corner-speed gain, fun facts) and
 * plots of sessions per month, best laps through the year per circuit and
 * distance per circuit. It opens on the year in the address bar, else in
 * December on the year that is ending, else on last year when it has
 * sessions (this year otherwise).
 *
 * @module
 */

import type { VNode } from "preact";
import { type AppPageContext, defineAppPage } from "../../sdk/views.ts";
import { bestLapsAt, distancePerTrack, MONTHS, sessionsPerMonth, type YearJson } from "./_plots.ts";

interface Ref {
  session_id: string;
  date: string;
}

interface WrappedJson extends YearJson {
  sessions: number;
  laps: number;
  clean_laps: number;
  distance_km: number;
  driving_hours: number;
  biggest_improvement:
    | {
      track_name: string;
      first: Ref;
      last: Ref;
      first_best_lap_s: number;
      last_best_lap_s: number;
      gain_s: number;
    }
    | null;
  best_corner:
    | (Ref & {
      track_name: string;
      label: string;
      spread_kmh: number;
      clean_laps: number;
      best_min_speed_kmh: number;
    })
    | null;
  corner_gain:
    | { track_name: string; label: string; first_kmh: number; last_kmh: number; gain_kmh: number }
    | null;
  fun_facts: {
    busiest_month: { month: number; sessions: number } | null;
    favourite_track: { name: string; sessions: number } | null;
    longest_session: (Ref & { track_name: string; distance_km: number; laps: number }) | null;
    best_consistency: (Ref & { track_name: string; score: number }) | null;
  };
  active_years: { year: number; sessions: number }[];
}

interface Highlight {
  id: string;
  label: string;
  value: string;
  note: string;
}

function highlights(doc: WrappedJson, ctx: AppPageContext): Highlight[] {
  const { units } = ctx;
  const speed = (kmh: number) => units.formatSpeed(kmh / 3.6);
  const out: Highlight[] = [];
  const gain = doc.biggest_improvement;
  if (gain) {
    out.push({
      id: "biggest-improvement",
      label: "Biggest improvement",
      value: `−${gain.gain_s.toFixed(3)} s`,
      note: `${gain.track_name}: ${units.formatLapTime(gain.first_best_lap_s)} on ${
        gain.first.date.slice(0, 10)
      } → ${units.formatLapTime(gain.last_best_lap_s)} on ${gain.last.date.slice(0, 10)}`,
    });
  }
  const corner = doc.best_corner;
  if (corner) {
    out.push({
      id: "best-corner",
      label: "Most consistent corner",
      value: `${corner.label} · ${corner.track_name}`,
      note: `Minimum speed within ${
        units.toSpeed(corner.spread_kmh / 3.6).toFixed(1)
      } ${units.speedLabel} over ${corner.clean_laps} clean laps (${corner.date.slice(0, 10)})`,
    });
  }
  const cornerGain = doc.corner_gain;
  if (cornerGain) {
    out.push({
      id: "corner-gain",
      label: "Corner speed found",
      value: `+${units.toSpeed(cornerGain.gain_kmh / 3.6).toFixed(1)} ${units.speedLabel}`,
      note: `${cornerGain.label} at ${cornerGain.track_name}: ${speed(cornerGain.first_kmh)} → ${
        speed(cornerGain.last_kmh)
      }`,
    });
  }
  const facts = doc.fun_facts;
  if (facts.favourite_track) {
    out.push({
      id: "favourite-track",
      label: "Favourite circuit",
      value: facts.favourite_track.name,
      note: `${facts.favourite_track.sessions} session(s)`,
    });
  }
  if (facts.busiest_month) {
    out.push({
      id: "busiest-month",
      label: "Busiest month",
      value: MONTHS[facts.busiest_month.month - 1],
      note: `${facts.busiest_month.sessions} session(s)`,
    });
  }
  if (facts.longest_session) {
    out.push({
      id: "longest-session",
      label: "Longest session",
      value: `${facts.longest_session.distance_km.toFixed(1)} km`,
      note: `${facts.longest_session.laps} laps at ${facts.longest_session.track_name}, ${
        facts.longest_session.date.slice(0, 10)
      }`,
    });
  }
  if (facts.best_consistency) {
    out.push({
      id: "best-consistency",
      label: "Best consistency",
      value: `${Math.round(facts.best_consistency.score)}/100`,
      note: `${facts.best_consistency.track_name}, ${facts.best_consistency.date.slice(0, 10)}`,
    });
  }
  return out;
}

function Year({ ctx, doc }: { ctx: AppPageContext; doc: WrappedJson }): VNode {
  const { html, Plot, units } = ctx;
  if (doc.sessions === 0) {
    return html`<p class="empty-state">No analysed session driven in ${doc.year}. Upload one to start your year.</p>`;
  }
  const tiles = [
    ["sessions", "Sessions", String(doc.sessions)],
    ["laps", "Laps", String(doc.laps)],
    ["distance", "Distance", `${doc.distance_km.toFixed(0)} km`],
    ["hours", "On track", `${doc.driving_hours.toFixed(1)} h`],
    ["tracks", "Circuits", String(doc.tracks.length)],
    ["clean-laps", "Clean laps", String(doc.clean_laps)],
  ];
  const timedTracks = doc.tracks.filter((t) => t.best_lap_s !== null);
  return html`
    <div class="metrics">${tiles.map(([id, label, value]) =>
      html`
        <div class="metric" data-stat=${id}>
          <div class="metric-label">${label}</div>
          <div class="metric-value">${value}</div>
        </div>
      `
    )}</div>
    <div class="grid">${highlights(doc, ctx).map((h) =>
      html`
        <div class="card size-third highlight" data-highlight=${h.id}>
          <div class="metric-label">${h.label}</div>
          <div class="hero-title">${h.value}</div>
          <p class="card-desc">${h.note}</p>
        </div>
      `
    )}</div>
    <div class="grid">
      <div class="card size-half"><div class="card-head"><h2>Sessions per month</h2></div>
        ${ctx.plot((w) => sessionsPerMonth(Plot, doc, w), { height: 220, label: "sessions-per-month" })}
      </div>
      <div class="card size-half"><div class="card-head"><h2>Distance per circuit</h2></div>
        ${ctx.plot((w) => distancePerTrack(Plot, doc, w), {
          height: 60 + 34 * doc.tracks.length,
          label: "distance-per-track",
        })}
      </div>
      ${timedTracks.map((t) =>
        html`<div class="card size-half"><div class="card-head"><h2>Best lap through the year</h2>
          <p class="card-desc">${t.name}: best ${units.formatLapTime(t.best_lap_s)}</p></div>
        ${ctx.plot(() => bestLapsAt(Plot, doc, t.name, units), { height: 200, label: `best-laps:${t.slug}` })}
      </div>`
      )}
    </div>
  `;
}

function WrappedPage({ ctx }: { ctx: AppPageContext }): VNode {
  const { html, hooks, api, params } = ctx;
  const now = new Date();
  const december = now.getMonth() === 11;
  const asked = /^\d{4}$/.test(params.year ?? "") ? Number(params.year) : null;
  const [year, setYear] = hooks.useState(asked ?? now.getFullYear());
  const [doc, setDoc] = hooks.useState<WrappedJson | null>(null);
  const [error, setError] = hooks.useState<string | null>(null);
  hooks.useEffect(() => {
    api<WrappedJson>(`/${year}`).then((answer) => {
      const lastYear = now.getFullYear() - 1;
      const fallBack = asked === null && !december && year === now.getFullYear() &&
        answer.active_years.some((y) => y.year === lastYear);
      if (fallBack) setYear(lastYear);
      else setDoc(answer);
    }, (e) => setError(e instanceof Error ? e.message : String(e)));
  }, [year]);
  const years = [...new Set([now.getFullYear(), year, ...(doc?.active_years ?? []).map((y) => y.year)])]
    .sort((a, b) => b - a);
  return html`<div class="page wrapped">
    <header class="page-head">
      <h1>Your ${year} on track</h1>
      <label class="field">Year
        <select onChange=${(e: Event) =>
    ctx.openPage("wrapped", { year: (e.target as HTMLSelectElement).value })}>
          ${years.map((y) => html`<option value=${y} selected=${y === year}>${y}</option>`)}
        </select>
      </label>
    </header>
    ${
    december && year === now.getFullYear() && (doc?.sessions ?? 0) > 0 &&
    html`<p class="banner" data-banner>${year} is wrapping up: here is your season.</p>`
  }
    ${error && html`<p class="inline-error" role="alert">${error}</p>`}
    ${!doc && !error && html`<div class="skeleton tall" aria-busy="true"></div>`}
    ${doc && html`<${Year} ctx=${ctx} doc=${doc} />`}
  </div>`;
}

export default defineAppPage({
  render(ctx) {
    return ctx.html`<${WrappedPage} ctx=${ctx} />`;
  },
});
