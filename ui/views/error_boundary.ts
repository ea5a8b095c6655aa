/**
 * An error boundary: a contribution that throws while rendering shows an
 * inline error with a retry button; the rest of the page lives on.
 *
 * @module
 */

import { html } from "htm/preact";
import { Component, type ComponentChildren, type VNode } from "preact";

/** Properties of {@linkcode ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** What failed, for the message (e.g. the card's title). */
  label: string;
  /** The guarded content. */
  children?: ComponentChildren;
}

/** Catches errors thrown below it and shows them in place. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state = { error: null as unknown };

  /** Switches to the error state. */
  static override getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  /** Logs the error for the developer console. */
  override componentDidCatch(error: unknown): void {
    console.error(`"${this.props.label}" failed`, error);
  }

  /** The content, or the error and a retry button. */
  override render(): VNode | ComponentChildren {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const message = error instanceof Error ? error.message : String(error);
    return html`<div class="inline-error" role="alert">
      <strong>${this.props.label} failed.</strong> <span>${message}</span>
      <button type="button" class="link" onClick=${() => this.setState({ error: null })}>Retry</button>
    </div>`;
  }
}
