/**
 * The Plugins page in Chromium, in local mode (the local user is the admin):
 * every plugin of `GET /api/plugins` has a card with its health; switching a
 * plugin off says the change applies at the next start and writes
 * `plugins.json`; after a restart the plugin is off (its card says so, its
 * stages no longer run) and switching it on again works the same way.
 * Screenshots (desktop and 390 px) go to `test-output/plugins/`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium, VIEWPORTS } from "../kernel/testing/chromium.ts";
import { getJson, ROOT, startTestServer, testDatabase } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "plugins");
const TARGET = "sectors";

interface Listed {
  plugins: { id: string; enabled: boolean; active: boolean }[];
}

Deno.test({
  name: "Plugins page: lists every plugin, an admin disables one, a restart applies it",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await Deno.mkdir(OUTPUT, { recursive: true });
    await using db = await testDatabase("sqlite");
    const browser = await launchChromium();
    try {
      {
        await using server = await startTestServer(db);
        const listed = await getJson<Listed>(`${server.url}/api/plugins`);
        const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
        await page.goto(`${server.url}/?page=plugins`);
        await page.locator(".plugin-card").first().waitFor();
        assert.equal(await page.locator(".plugin-card").count(), listed.plugins.length);
        assert.equal(await page.locator('[data-health="healthy"]').count(), listed.plugins.length);
        await page.screenshot({ path: join(OUTPUT, "plugins-desktop.png"), fullPage: true });

        await page.locator(`[data-toggle="${TARGET}"]`).click();
        await page.locator(`[data-note="${TARGET}"]`).waitFor();
        assert.match((await page.locator(`[data-note="${TARGET}"]`).textContent())!, /restarts/);
        const config = JSON.parse(await Deno.readTextFile(join(db.env.DATA_DIR, "plugins.json")));
        assert.equal(config.plugins[TARGET].enabled, false);
        const phone = await browser.newPage({ viewport: VIEWPORTS.phone });
        await phone.goto(`${server.url}/?page=plugins`);
        await phone.locator(".plugin-card").first().waitFor();
        await phone.screenshot({ path: join(OUTPUT, "plugins-phone.png") });
      }
      {
        await using server = await startTestServer(db);
        const listed = await getJson<Listed>(`${server.url}/api/plugins`);
        const target = listed.plugins.find((p) => p.id === TARGET)!;
        assert.deepEqual([target.enabled, target.active], [false, false]);
        const stages = await getJson<{ stage: string }[]>(`${server.url}/api/artifacts`);
        assert.ok(!stages.some((s) => s.stage === "sectors"), "its stage no longer runs");
        const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
        await page.goto(`${server.url}/?page=plugins`);
        const card = page.locator(`[data-plugin="${TARGET}"]`);
        await card.waitFor();
        assert.equal(await card.getAttribute("data-active"), "false");
        assert.equal(await card.locator(".badge", { hasText: "off" }).count(), 1);
        await page.locator(`[data-toggle="${TARGET}"]`).click();
        await page.locator(`[data-note="${TARGET}"]`).waitFor();
        const config = JSON.parse(await Deno.readTextFile(join(db.env.DATA_DIR, "plugins.json")));
        assert.equal(config.plugins[TARGET].enabled, true);
      }
    } finally {
      await browser.close();
    }
  },
});
