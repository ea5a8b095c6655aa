/**
 * The driver's own tags of the reference lap, beside the lap picker: the
 * usual ones as checkboxes (traffic, off-line, experimental, rain, cold
 * tyres) and any other word, saved with `PUT /api/sessions/{id}/laps/{n}/tags`.
 * Traffic, off-line, experimental and cold-tires leave the lap out of the
 * analysis (and so off the leaderboards): the server analyses the session
 * again, the editor waits for it and then asks for the session to be
 * reloaded. The automatic tags stay as they are (they are the pills'
 * tooltips).
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import * as hooks from "preact/hooks";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { fetchLapTags, saveLapTags } from "../api/server_api.ts";
import { reanalysed } from "../upload/transfer.ts";

/** Tags offered as checkboxes, with what each means. */
const USUAL_TAGS: readonly (readonly [string, string])[] = [
  ["traffic", "held up by another car"],
  ["off-line", "off the usual line"],
  ["experimental", "trying something out"],
  ["rain", "wet track"],
  ["cold-tires", "tyres not up to temperature"],
];
/** What the server accepts as one tag (the PUT route's pattern). */
const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$/;

/** Properties of {@linkcode LapTagEditor}. */
export interface LapTagEditorProps {
  /** The open session. */
  sessionId: string;
  /** The lap whose tags are edited (the reference lap). */
  lap: number;
  /** Called once the analysis the change queued is done (reload the session). */
  onAnalysed: (lap: number) => void;
}

/** A disclosure with the lap's tags, a field for another one and Save (remount it for another lap). */
export function LapTagEditor({ sessionId, lap, onAnalysed }: LapTagEditorProps): VNode {
  const stored = useRequest(hooks, () => fetchLapTags(sessionId, lap), [sessionId, lap]);
  const saving = useAction(hooks);
  const saved = stored.state.status === "ready" ? stored.state.value : [];
  const [tags, setTags] = hooks.useState<string[]>([]);
  const [other, setOther] = hooks.useState("");
  const [savedOnce, setSavedOnce] = hooks.useState(false);
  const [reanalysing, setReanalysing] = hooks.useState(false);
  hooks.useEffect(() => setTags(saved), [stored.state]);

  const toggle = (tag: string) =>
    setTags(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag]);
  const otherTag = other.trim();
  const otherValid = otherTag === "" || TAG_PATTERN.test(otherTag);
  const wanted = otherTag && otherValid && !tags.includes(otherTag) ? [...tags, otherTag] : tags;
  const changed = wanted.join("\n") !== saved.join("\n");
  const save = (e: Event) => {
    e.preventDefault();
    if (!otherValid) return;
    void saving.run(async () => {
      const saved = await saveLapTags(sessionId, lap, wanted);
      setOther("");
      setReanalysing(saved.analysis === "queued");
      if (await reanalysed(sessionId, saved.analysis).finally(() => setReanalysing(false))) onAnalysed(lap);
      await stored.reload();
      setSavedOnce(true);
    });
  };
  // The lap's own other tags stay listed while unticked, until the change is saved.
  const custom = [...new Set([...saved, ...tags])].filter((t) => !USUAL_TAGS.some(([usual]) => usual === t));

  return html`
    <details class="bar-menu lap-tags" data-lap-tags=${lap}>
      <summary>Tags L${lap}${saved.length > 0
        ? html`
          <span class="badge">${saved.length}</span>
        `
        : ""}</summary>
      <form class="bar-menu-panel lap-tags-form" onSubmit=${save} aria-label=${`Your tags for lap ${lap}`}>
        ${showRequest(html, stored, "the lap's tags", () =>
          html`
            <fieldset>
              <legend class="small muted">Your tags for lap ${lap}</legend>
              ${USUAL_TAGS.map(([tag, meaning]) =>
                html`<label class="check" title=${meaning}>
                <input type="checkbox" name="tag" value=${tag} checked=${tags.includes(tag)}
                  onChange=${() => toggle(tag)} /> ${tag}
              </label>`
              )}
              ${custom.map((tag) =>
                html`<label class="check">
                <input type="checkbox" name="tag" value=${tag} checked=${tags.includes(tag)}
                  onChange=${() => toggle(tag)} /> ${tag}
              </label>`
              )}
            </fieldset>
            <label class="small" for="lap-tag-other">Another tag</label>
            <input id="lap-tag-other" value=${other} maxLength="40" placeholder="e.g. new pads"
              aria-invalid=${!otherValid} onInput=${(e: Event) =>
                setOther((e.currentTarget as HTMLInputElement).value)} />
            ${!otherValid &&
              html`<p class="inline-error">Letters, digits, spaces, "-" and "_", starting with a letter or digit.</p>`}
            <p class="muted small">
              Traffic, off-line, experimental and cold-tires leave the lap out of the analysis and the leaderboards;
              other tags are notes.
            </p>
            <div class="form-row">
              <button type="submit" class="button primary" disabled=${!changed || !otherValid ||
                saving.pending}>${reanalysing ? "Analysing…" : saving.pending ? "Saving…" : "Save"}</button>
              ${savedOnce && !changed && !saving.pending &&
                html`<span class="muted small" role="status">Saved</span>`}
            </div>
            ${showActionError(html, saving)}
          `)}
      </form>
    </details>
  `;
}
