/**
 * One board as a table for the Leaderboards page: rank, driver, result,
 * gap to the leader, lap and date, car class. The caller's own row is
 * highlighted, and appended below the top rows when it is further down.
 * The date and class columns are hidden on a phone.
 *
 * @module
 */

import type { HtmlTag } from "../../sdk/views.ts";
import type { VNode } from "preact";
import { UNCLASSIFIED } from "./classes.ts";

/** A row as the boards route sends it (snake_case). */
export interface RowJson {
  rank: number;
  driver: string;
  you: boolean;
  value: number;
  gap: number;
  lap: number;
  driven_at: string;
  session_id: string | null;
  tyres: string;
  power: string;
}

/** A board as the boards route sends it. */
export interface BoardJson {
  drivers: number;
  rows: RowJson[];
  yours: RowJson | null;
}

/** How a board's values are shown. */
export interface BoardFormat {
  /** Column heading of the result. */
  readonly heading: string;
  /** A result, e.g. `"1:42.738"` or `"101.9 km/h"`. */
  value(v: number): string;
  /** A gap to the leader, e.g. `"+0.123"`. */
  gap(v: number): string;
}

/** Display labels of class ids, per dimension. */
export interface ClassLabels {
  /** Tyre classes. */
  readonly tyres: Readonly<Record<string, string>>;
  /** Power-to-weight classes. */
  readonly power: Readonly<Record<string, string>>;
}

/** A row's car class as shown: the dimensions its equipment says, or a dash. */
function classLabel(classes: ClassLabels, row: RowJson): string {
  const known = [
    row.tyres === UNCLASSIFIED ? null : classes.tyres[row.tyres] ?? row.tyres,
    row.power === UNCLASSIFIED ? null : classes.power[row.power] ?? row.power,
  ].filter((label) => label !== null);
  return known.length > 0 ? known.join(" · ") : "—";
}

/** The board as a table; `compact` drops the date and class columns (corner cards). */
export function boardTable(
  html: HtmlTag,
  board: BoardJson,
  format: BoardFormat,
  classes: ClassLabels,
  compact = false,
): VNode {
  if (board.rows.length === 0) return html`<p class="muted">No clean lap here yet.</p>`;
  const rows = board.yours && !board.rows.some((r) => r.you) ? [...board.rows, board.yours] : board.rows;
  return html`
    <div class="table-wrap">
      <table class="data board">
        <thead>
          <tr>
          <th>#</th><th>Driver</th><th>${format.heading}</th><th>Gap</th>
          ${!compact && html`
            <th class="hide-phone">Lap · date</th>
            <th class="hide-phone">Class</th>
          `}
        </tr>
        </thead>
        <tbody>${rows.map((r) =>
          html`<tr class=${r.you ? "focus" : ""} data-rank=${r.rank} data-you=${r.you ? "1" : "0"}>
        <td>${r.rank}</td>
        <td class="driver">${
            r.rank === 1
              ? html`
                <span class="crown" title="Leader">♛</span>
              `
              : ""
          }${r.driver}${
            r.you
              ? html`
                <span class="badge">you</span>
              `
              : ""
          }</td>
        <td>${format.value(r.value)}</td>
        <td class="muted">${r.rank === 1 ? "" : format.gap(r.gap)}</td>
        ${
            !compact && html`
              <td class="hide-phone">L${r.lap} · ${r.driven_at.slice(0, 10)}</td>
              <td class="hide-phone">${classLabel(classes, r)}</td>
            `
          }
      </tr>`
        )}</tbody>
      </table>
    </div>
  `;
}
