/**
 * The Debrief view's coaching report: who wrote it, the summary, the
 * priority corners (each linked to Deep Dive at that corner), the grades
 * and the drills; while it is written, its state (the panel polls every
 * second); when the model failed, the reason and the offline coach's report.
 * Regenerate and Markdown export buttons. Speeds and distances in the text
 * are shown in the user's units.
 *
 * @module
 */

import { CornersKey } from "../../sdk/keys.ts";
import type { CoachingReport, Grade, SkillLevel, Units, ViewContext } from "../../sdk/mod.ts";
import { definePanel } from "../../sdk/views.ts";
import { fetchReport, regenerateReport, type ReportState, saveSkill, skillChosen } from "./coaching_api.ts";
import { reportMarkdown } from "./report_markdown.ts";

const POLL_MS = 1000;

const SKILLS: readonly SkillLevel[] = ["novice", "intermediate", "advanced"];

/** `"95.2 km/h"` and `"412 m"` in the report's text, written in the user's units. */
function inUnits(text: string, units: Units): string {
  return text
    .replace(/(\d+(?:\.\d+)?) ?km\/h/g, (_, v) => units.formatSpeed(Number(v) / 3.6))
    .replace(/(\d+(?:\.\d+)?) ?m\b(?!\/)/g, (_, v) => units.formatDistance(Number(v)));
}

const gradeClass = (g: Grade) => (g === "A" || g === "B" ? "good" : g === "D" || g === "F" ? "bad" : "");

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

function reportBody(ctx: ViewContext, report: CoachingReport) {
  const { html, units, data } = ctx;
  const corners = data.artifact(CornersKey) ?? [];
  const numberOf = (label: string) => corners.find((c) => c.label === label)?.number;
  const cornerLink = (label: string) => {
    const n = numberOf(label);
    return n === undefined
      ? html`<strong>${label}</strong>`
      : html`<button type="button" class="link" data-corner=${label} onClick=${() =>
        ctx.open("deep-dive", { corner: n })}>${label}</button>`;
  };
  return html`
    <p class="coach-summary">${inUnits(report.summary, units)}</p>
    ${report.priority_corners.length > 0 && html`
      <div class="section-title">Where the time is</div>
      <ol class="focus-list coach-priorities">${report.priority_corners.map((p) =>
        html`<li data-priority=${p.corner}>${cornerLink(p.corner)} · ${p.time_s.toFixed(2)} s per lap
          <div>${inUnits(p.what, units)}</div><div><em>${inUnits(p.how, units)}</em></div></li>`
      )}</ol>
    `}
    ${report.corner_grades.length > 0 && html`
      <div class="section-title">Corner grades</div>
      <div class="table-wrap">
        <table class="data coach-grades">
          <thead>
            <tr>
              <th scope="col">Corner</th>
              <th scope="col">Braking</th>
              <th scope="col">Min speed</th>
              <th scope="col">Throttle</th>
              <th scope="col">Consistency</th>
            </tr>
          </thead>
          <tbody>${report.corner_grades.map((g) =>
            html`<tr><td>${cornerLink(g.corner)}</td>${
              [g.braking, g.min_speed, g.throttle, g.consistency].map((x) =>
                html`<td><strong class=${gradeClass(x)}>${x}</strong></td>`
              )
            }</tr>`
          )}</tbody>
        </table>
      </div>
    `}
    ${report.drills.length > 0 && html`
      <div class="section-title">Drills for the next session</div>
      <ul class="coach-drills">${report.drills.map((d) =>
        html`<li><strong>${d.title}</strong>${d.corner ? [" (", cornerLink(d.corner), ")"] : ""}: ${
          inUnits(d.how, units)
        }</li>`
      )}</ul>
    `}
  `;
}

export default definePanel({
  render(ctx) {
    const { html, hooks, data } = ctx;
    const sessionId = data.session.id;
    const [state, setState] = hooks.useState<ReportState | null>(null);
    const [problem, setProblem] = hooks.useState<string | null>(null);
    const [tick, setTick] = hooks.useState(0);
    // Until the driver says, reports are written for intermediate drivers: ask rather than assume.
    const [chosen, setChosen] = hooks.useState(true);
    hooks.useEffect(() => {
      skillChosen().then(setChosen).catch(() => {});
    }, []);
    hooks.useEffect(() => {
      let alive = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const load = () =>
        fetchReport(sessionId).then((next) => {
          if (!alive) return;
          setState(next);
          setProblem(null);
          if (next.status === "queued" || next.status === "generating") timer = setTimeout(load, POLL_MS);
        }).catch((e: Error) => alive && setProblem(e.message));
      load();
      return () => {
        alive = false;
        clearTimeout(timer);
      };
    }, [sessionId, tick]);
    const regenerate = () =>
      regenerateReport(sessionId).then(() => setTick(tick + 1)).catch((e: Error) => setProblem(e.message));
    const changeSkill = (skill: SkillLevel) =>
      saveSkill(skill).then(() => {
        setChosen(true);
        setTick(tick + 1);
      }).catch((e: Error) => setProblem(e.message));
    const ask = !chosen && html`<div class="coach-level" role="group" aria-label="Your level">
      <span>Your coach writes for intermediate drivers until you say otherwise. You are:</span>
      ${
      SKILLS.map((s) =>
        html`
          <button type="button" class="button" onClick=${() => changeSkill(s)}>${s}</button>
        `
      )
    }
      <span class="muted small">(it sets how many priorities the report picks and how much detail it gives)</span>
    </div>`;
    if (problem) return html`<p class="inline-error">${problem}</p>`;
    if (!state) return html`<p class="muted coach-state">Loading the coaching report…</p>`;
    if (state.status === "queued" || state.status === "generating") {
      return html`<p class="muted coach-state" data-status=${state.status}>${
        state.status === "queued" ? "The coaching report is queued…" : "Your coach is writing the report…"
      }</p>`;
    }
    const report = state.report ?? state.fallback ?? null;
    const author = state.report?.source === "claude"
      ? `Claude (${state.model})`
      : state.report
      ? "the offline coach"
      : "the offline coach, standing in";
    const cost = state.usage?.cost_usd ? ` · $${state.usage.cost_usd.toFixed(4)}` : "";
    return html`<div class="coach-report" data-status=${state.status} data-source=${report?.source ?? ""}>
      ${ask}
      <div class="card-desc">
        Written by ${author}${cost} for
        ${" "}<select class="coach-skill" aria-label="Skill level" value=${state.skill_level} onChange=${(
      e: Event,
    ) => changeSkill((e.target as HTMLSelectElement).value as SkillLevel)}>${
      SKILLS.map((s) => html`<option value=${s}>${s}</option>`)
    }</select> drivers
        ${" "}<button type="button" class="button" onClick=${regenerate}>Regenerate</button>
        ${
      report && html`${" "}<button type="button" class="button" onClick=${() =>
        download(
          `coaching-${data.session.fileName}.md`,
          reportMarkdown(report, {
            title: `${data.session.trackName ?? "unknown circuit"}, ${
              data.session.date?.slice(0, 10) ?? data.session.fileName
            }`,
            author,
          }),
        )}>Export Markdown</button>`
    }
      </div>
      ${state.status === "failed" && html`<p class="inline-error">${state.error}</p>`}
      ${state.note && html`<p class="muted">${state.note}</p>`}
      ${
      state.outdated &&
      html`<p class="muted">Written before the latest analysis of this session: regenerate to update it.</p>`
    }
      ${
      (state.untraceable_numbers?.length ?? 0) > 0 &&
      html`<p class="muted">Not found in the analysis, check before trusting: ${
        state.untraceable_numbers!.map((n) => n.value).join(", ")
      }.</p>`
    }
      ${report && reportBody(ctx, report)}
    </div>`;
  },
});
