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
import { sendCsrfWithFetch } from "./api/http.ts";
import { AccountGate } from "./shell/account_gate.ts";

/** Renders the workbench (behind the sign-in gate) into `#app`. */
export function startWorkbench(registry: readonly RegisteredView[]): void {
  sendCsrfWithFetch();
  render(html`<${AccountGate} registry=${registry} />`, document.getElementById("app")!);
}
