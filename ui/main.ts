/**
 * Browser entry of the workbench. The bundler (`build.ts`) generates the real
 * entry, which imports every registered view module and calls
 * {@linkcode startWorkbench} with them.
 *
 * @module
 */

/// <reference lib="dom" />

import { html } from "htm/preact";
import { render } from "preact";
import type { RegisteredView } from "../sdk/views.ts";
import { App } from "./app.ts";

/** Renders the workbench into `#app`. */
export function startWorkbench(registry: readonly RegisteredView[]): void {
  render(html`<${App} registry=${registry} />`, document.getElementById("app")!);
}
