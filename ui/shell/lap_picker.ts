/**
 * The lap picker: a reference lap (the best lap unless chosen) and an
 * optional comparison lap. The pill bar toggles the comparison lap; the
 * select picks the reference. Excluded laps are dimmed, the best is starred.
 * The driver tags the reference lap in the Tags disclosure beside them, and
 * picks the car the optimal lap is solved for in the Car disclosure.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import type { LapSelection, Units, ViewLap } from "../../sdk/views.ts";
import { CarPicker } from "./car_picker.ts";
import { LapTagEditor } from "./lap_tag_editor.ts";

/** Properties of {@linkcode LapPicker}. */
export interface LapPickerProps {
  /** The open session (for the reference lap's own tags). */
  sessionId: string;
  /** Laps of the session. */
  laps: readonly ViewLap[];
  /** Best lap number. */
  bestLap: number | null;
  /** Current selection. */
  selection: LapSelection;
  /** Units (for lap times). */
  units: Units;
  /**
   * Called when a change of the reference lap's tags (with that lap) or of
   * the session's car (with null) has been analysed.
   */
  onReanalysed: (taggedLap: number | null) => void;
}

/** Reference select, comparison pills and a reset button. */
export function LapPicker(
  { sessionId, laps, bestLap, selection, units, onReanalysed }: LapPickerProps,
): VNode {
  const { ref, comp } = selection;
  const timed = laps.filter((l) => l.timeS !== null);
  const pick = (lap: number) => {
    if (lap === ref) return;
    selection.select(ref, lap === comp ? null : lap);
  };
  return html`
    <nav class="lap-picker" aria-label="Laps">
      <label class="ref-select">
        <span>Reference</span>
        <select
          value=${ref ?? ""}
          onChange=${(e: Event) => {
            const lap = Number((e.currentTarget as HTMLSelectElement).value);
            selection.select(lap, comp === lap ? null : comp);
          }}
        >
          ${timed.map((l) =>
            html`<option value=${l.number}>L${l.number} ${units.formatLapTime(l.timeS)}${
              l.number === bestLap ? " (best)" : ""
            }</option>`
          )}
        </select>
      </label>
      <div class="pills" role="group" aria-label="Compare with lap">
        ${timed.map((l) => {
          const state = l.number === ref ? "ref" : l.number === comp ? "comp" : "";
          return html`
            <button
              type="button"
              class=${`pill ${state} ${l.included ? "" : "excluded"}`}
              aria-pressed=${state !== ""}
              title=${l.included
                ? l.tags.join(", ")
                : `${l.excludedReason ?? "excluded"}${l.tags.length ? ` · ${l.tags.join(", ")}` : ""}`}
              data-lap=${l.number}
              onClick=${() => pick(l.number)}
            >
              <span class="pill-lap">L${l.number}${l.number === bestLap ? "★" : ""}</span>
              <span class="pill-time">${units.formatLapTime(l.timeS)}</span>
            </button>
          `;
        })}
      </div>
      ${(comp !== null || (bestLap !== null && ref !== bestLap)) &&
        html`<button type="button" class="link" onClick=${() =>
          selection.select(bestLap, null)}>Best lap only</button>`}
      ${ref !== null &&
        html`
          <${LapTagEditor} key=${`${sessionId}:${ref}`} sessionId=${sessionId} lap=${ref}
            onAnalysed=${onReanalysed} />
        `}
      <${CarPicker} key=${sessionId} sessionId=${sessionId} onAnalysed=${() => onReanalysed(null)} />
    </nav>
  `;
}
