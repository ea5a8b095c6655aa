/**
 * A button for something that cannot be undone (revoke a link, unlink a
 * student, remove a member): the first click asks, with the consequence
 * spelled out on a red button and a "Keep" button beside it.
 *
 * @module
 */

import type { VNode } from "preact";
import type { Hooks, HtmlTag } from "./views.ts";

/** Properties of {@linkcode ConfirmButton}. */
export interface ConfirmButtonProps {
  /** htm from the module's context. */
  html: HtmlTag;
  /** Hooks from the module's context. */
  hooks: Hooks;
  /** The first button's text, e.g. `"Revoke"`. */
  label: string;
  /** The confirming button's text, e.g. `"Revoke link"`. */
  confirmLabel: string;
  /** Accessible name of the first button when its text alone is ambiguous, e.g. `"Unlink Ann"`. */
  ariaLabel?: string;
  /** Runs on confirmation. */
  onConfirm: () => unknown;
  /** Disables both buttons (e.g. while the action runs). */
  disabled?: boolean;
}

/** The button, or the confirmation (use it as a component). */
export function ConfirmButton(props: ConfirmButtonProps): VNode {
  const { html, hooks, label, confirmLabel, ariaLabel, onConfirm, disabled } = props;
  const [asking, setAsking] = hooks.useState(false);
  if (!asking) {
    return html`
      <button type="button" class="button" aria-label=${ariaLabel} disabled=${disabled}
        onClick=${() => setAsking(true)}>${label}</button>
    `;
  }
  return html`
    <span class="confirm">
      <button type="button" class="button danger" disabled=${disabled} onClick=${() => {
        setAsking(false);
        onConfirm();
      }}>${confirmLabel}</button>
      <button type="button" class="button" onClick=${() => setAsking(false)}>Keep</button>
    </span>
  `;
}
