/**
 * The settings popover: speed and distance units, colour theme (kept in
 * the browser), and the driver's data as a whole (download, delete).
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import type { Settings } from "../state/settings.ts";
import { YourData } from "./your_data.ts";

/** Properties of {@linkcode SettingsMenu}. */
export interface SettingsMenuProps {
  /** Current settings. */
  settings: Settings;
  /** Changes some settings. */
  onChange: (patch: Partial<Settings>) => void;
  /** Closes the menu. */
  onClose: () => void;
  /** Called after the driver imported an export. */
  onImported: () => void;
}

/** Three radio groups and the data controls. */
export function SettingsMenu({ settings, onChange, onClose, onImported }: SettingsMenuProps): VNode {
  const group = <K extends keyof Settings>(key: K, label: string, choices: [Settings[K], string][]) =>
    html`<fieldset>
      <legend>${label}</legend>
      ${
      choices.map(([value, text]) =>
        html`<label class="radio">
          <input type="radio" name=${key} checked=${settings[key] === value}
            onChange=${() => onChange({ [key]: value } as Partial<Settings>)} />
          ${text}
        </label>`
      )
    }
    </fieldset>`;
  return html`
    <div class="popover settings" role="dialog" aria-label="Settings" onKeyDown=${(e: KeyboardEvent) =>
      e.key === "Escape" && onClose()}>
      ${group("speed", "Speed", [["kmh", "km/h"], ["mph", "mph"]])}
      ${group("distance", "Distance", [["m", "metres"], ["ft", "feet"]])}
      ${group("theme", "Theme", [["light", "Light"], ["dark", "Dark"]])}
      <${YourData} onImported=${onImported} />
      <button type="button" class="button" onClick=${onClose}>Done</button>
    </div>
  `;
}
