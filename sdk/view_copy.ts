/**
 * A "Copy" button for browser modules (a share link, an invite code): it
 * puts the text on the clipboard and says so on the button for two seconds,
 * or asks for Ctrl+C where the browser refuses the clipboard.
 *
 * @module
 */

/// <reference lib="dom" />

import type { VNode } from "preact";
import type { Hooks, HtmlTag } from "./views.ts";

/** Properties of {@linkcode CopyButton}. */
export interface CopyButtonProps {
  /** htm from the module's context. */
  html: HtmlTag;
  /** Hooks from the module's context. */
  hooks: Hooks;
  /** What to copy. */
  text: string;
  /** Accessible name, e.g. `"Copy the invite code"`. */
  label: string;
}

/** Puts `text` on the clipboard; false when the browser allows neither way. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** The button (use it as a component: `` html`<${CopyButton} html=${html} hooks=${hooks} …/>` ``). */
export function CopyButton({ html, hooks, text, label }: CopyButtonProps): VNode {
  const [said, setSaid] = hooks.useState<string | null>(null);
  hooks.useEffect(() => {
    if (said === null) return;
    const timer = setTimeout(() => setSaid(null), 2000);
    return () => clearTimeout(timer);
  }, [said]);
  return html`
    <button type="button" class="button" aria-label=${label} onClick=${async () =>
      setSaid(await copyText(text) ? "Copied" : "Press Ctrl+C")}>
      <span aria-live="polite">${said ?? "Copy"}</span>
    </button>
  `;
}
