/**
 * Shared set-up of the UI tests and the UI benchmark: headless Chromium
 * through playwright-core (the browser at `CHROMIUM_PATH`, default
 * `/usr/bin/chromium`) and waits for a view to be fully drawn.
 *
 * @module
 */

import { type Browser, chromium, type Page } from "playwright-core";

/** Desktop and phone viewports used for screenshots. */
export const VIEWPORTS = {
  desktop: { width: 1360, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: Deno.env.get("CHROMIUM_PATH") || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Waits until the open view has drawn: no skeleton left and every chart card
 * holds either a plot or its empty-state message.
 */
export async function waitForView(page: Page, viewId: string, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const view = document.querySelector(`.view[data-view="${id}"]`);
      if (!view || view.querySelector(".skeleton")) return false;
      return [...view.querySelectorAll('.card[data-kind="chart"]')].every((card) =>
        card.querySelector(".plot-area svg, .chart-empty, .chart-error, .inline-error")
      );
    },
    viewId,
    { timeout: timeoutMs },
  );
}
