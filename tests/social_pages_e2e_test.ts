/**
 * The Leaderboards and Wrapped pages in real headless Chromium, against the
 * real server (SQLite) with sign-in configured: two drivers sign in, upload
 * shared sample sessions and opt in (one with an equipment profile on
 * street tyres), then the second driver's browser opens each page. Checks
 * that the boards show what the API answers (rows, order, kings, corner
 * cards), that the metric switch, the class filter and the opt-in switch
 * work, that Wrapped shows the driver's own numbers and draws its plots,
 * that the top-bar link is highlighted only in December, and that nothing
 * is wider than a 390 px phone. Screenshots of both pages (desktop and
 * 390 px) and of a session view on a phone go to `test-output/social/`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, VIEWPORTS } from "../kernel/testing/chromium.ts";
import { CookieJar, send, signIn, startAuthTestServer } from "./auth_harness.ts";
import { ROOT, SESSIONS_DIR, testDatabase } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "social");
const BARBER = "barber-motorsports-park";

interface Driver {
  jar: CookieJar;
  csrf: string;
  sessions: string[];
}

interface BoardsJson {
  lap_time: { rows: { driver: string; you: boolean; value: number }[] };
  corners: { key: string; king: { driver: string } | null }[];
}

/** Signs a driver in, uploads their files, waits for the analyses and opts them in. */
async function driver(
  base: string,
  identity: { sub: string; name: string },
  files: string[],
): Promise<Driver> {
  const jar = new CookieJar();
  const csrf = await signIn(jar, base);
  const sessions: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append("files", new File([await Deno.readFile(join(SESSIONS_DIR, file))], file));
    const uploaded = await send(jar, `${base}/api/sessions/upload`, {
      method: "POST",
      headers: { "x-csrf-token": csrf },
      body: form,
    });
    const id = (await uploaded.json()).session_ids[0] as string;
    let status = "";
    for (let i = 0; i < 1200 && status !== "ready"; i++) {
      status = (await (await send(jar, `${base}/api/sessions/${id}`)).json()).status;
      assert.notEqual(status, "failed", `${identity.name}: ${file}`);
      if (status !== "ready") await new Promise((r) => setTimeout(r, 100));
    }
    sessions.push(id);
  }
  const joined = await call({ jar, csrf, sessions }, base, "PUT", "/api/plugins/leaderboards/opt-in", {
    opted_in: true,
  });
  assert.equal(joined.sessions_entered, files.length);
  return { jar, csrf, sessions };
}

/** A JSON request as the driver. */
async function call(d: Driver, base: string, method: string, path: string, body?: unknown) {
  const response = await send(d.jar, `${base}${path}`, {
    method,
    headers: {
      "x-csrf-token": d.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Fails when the page is wider than its viewport (a phone would scroll sideways). */
async function assertNoSidewaysScroll(page: Page, label: string) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: innerWidth,
  }));
  assert.ok(scroll <= width, `${label}: page is ${scroll} px wide in a ${width} px viewport`);
}

const driverNames = (page: Page) => page.locator('[data-board="lap-time"] tbody td.driver').allTextContents();

Deno.test({
  name:
    "the Leaderboards and Wrapped pages in Chromium: boards as the API says, filters, opt-in, plots, phone",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await Deno.mkdir(OUTPUT, { recursive: true });
    await using db = await testDatabase("sqlite");
    await using auth = await startAuthTestServer(db);
    const { server, issuer } = auth;
    const base = server.url;
    issuer.identity = { sub: "ann", email: "ann@example.com", name: "Ann Lap" };
    const ann = await driver(base, issuer.identity, ["barber-faults.csv"]);
    const profile = await call(ann, base, "POST", "/api/equipment/profiles", {
      name: "RS4 on the hatch",
      tires: { category: "endurance_200tw" },
    });
    await call(ann, base, "PUT", `/api/sessions/${ann.sessions[0]}/equipment`, { profile_id: profile.id });
    issuer.identity = { sub: "zoe", email: "zoe@example.com", name: "Zoe Apex" };
    const zoe = await driver(base, issuer.identity, ["barber-8laps.csv", "roebling-6laps.csv"]);
    const api: BoardsJson = await call(zoe, base, "GET", `/api/plugins/leaderboards/tracks/${BARBER}`);

    const browser = await launchChromium();
    const errors: string[] = [];
    try {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${base}/api/auth/login?return_to=${encodeURIComponent("/?page=leaderboards")}`);

      await t.step("the boards show the API's rows, kings and corners", async () => {
        await page.waitForSelector('[data-board="lap-time"] tbody tr');
        assert.deepEqual(
          (await driverNames(page)).map((n) => n.replace(/[♛\s]|you/g, "")),
          api.lap_time.rows.map((r) => r.driver.replace(/\s/g, "")),
        );
        assert.equal(api.lap_time.rows.length, 2);
        const mine = page.locator('[data-board="lap-time"] tr[data-you="1"]');
        assert.equal(await mine.count(), 1);
        const kings = api.corners.filter((c) => c.king);
        assert.ok(kings.length >= 10);
        assert.equal(await page.locator("[data-king]").count(), kings.length);
        for (const k of kings) {
          assert.match(
            await page.locator(`[data-king="${k.key}"]`).textContent() ?? "",
            new RegExp(k.king!.driver),
          );
        }
        assert.equal(await page.locator("[data-corner]").count(), api.corners.length);
        assert.match(
          await page.locator("[data-your-laps] summary").textContent() ?? "",
          /\d+ counted, \d+ left out/,
        );
        await page.screenshot({ path: join(OUTPUT, "leaderboards-desktop.png"), fullPage: true });
      });

      await t.step("the corner boards switch to minimum speed", async () => {
        const first = page.locator("[data-corner] tbody td:nth-child(3)").first();
        assert.match(await first.textContent() ?? "", / s$/);
        await page.getByRole("button", { name: "Min speed" }).click();
        assert.match(await first.textContent() ?? "", /km\/h$/);
      });

      await t.step("the tyre filter ranks street tyres only and is kept in the address", async () => {
        await page.selectOption('label.field:has-text("Tyres") select', "street");
        await page.waitForURL(/tyres=street/);
        await page.waitForFunction(() =>
          document.querySelectorAll('[data-board="lap-time"] tbody tr').length === 1
        );
        assert.deepEqual((await driverNames(page)).map((n) => n.replace(/[♛\s]/g, "")), ["AnnLap"]);
        await page.selectOption('label.field:has-text("Tyres") select', "all");
        await page.waitForFunction(() =>
          document.querySelectorAll('[data-board="lap-time"] tbody tr').length === 2
        );
      });

      await t.step("opting out takes the driver off the boards; opting in puts them back", async () => {
        await page.locator("[data-opt-in] input").uncheck();
        await page.waitForSelector('[data-opt-in="off"]');
        await page.waitForFunction(() => !document.querySelector('[data-board="lap-time"] tr[data-you="1"]'));
        assert.equal(await page.locator('[data-board="lap-time"] tbody tr').count(), 1);
        await page.locator("[data-opt-in] input").check();
        await page.waitForSelector('[data-board="lap-time"] tr[data-you="1"]');
      });

      await t.step("Wrapped shows the driver's own year with its plots", async () => {
        await page.goto(`${base}/?page=wrapped&year=2026`);
        await page.waitForSelector('[data-stat="sessions"]');
        assert.equal(await page.locator('[data-stat="sessions"] .metric-value').textContent(), "2");
        assert.equal(await page.locator('[data-stat="tracks"] .metric-value').textContent(), "2");
        const marks = (plot: string, mark: string) =>
          page.locator(`[data-page-plot="${plot}"] g[aria-label="${mark}"] > *`).count();
        await page.waitForSelector('[data-page-plot="sessions-per-month"] svg');
        assert.equal(await marks("sessions-per-month", "bar"), 12, "a bar per month");
        assert.equal(await marks("distance-per-track", "bar"), 2, "a bar per circuit");
        assert.equal(await marks(`best-laps:${BARBER}`, "dot"), 1, "one Barber session");
        assert.equal(await page.locator(".chart-error").count(), 0);
        assert.ok(await page.locator("[data-highlight]").count() >= 4);
        await page.screenshot({ path: join(OUTPUT, "wrapped-desktop.png"), fullPage: true });
      });

      await t.step(
        "the top-bar link is highlighted in December; the page opens on the year to wrap",
        async () => {
          const now = new Date();
          const december = now.getMonth() === 11;
          await page.goto(`${base}/?page=wrapped`);
          await page.waitForSelector(".wrapped h1");
          const link = await page.locator('a[data-app-page="wrapped"]').getAttribute("class") ?? "";
          assert.equal(link.includes("featured"), december, `link classes "${link}"`);
          // Zoe's sessions are all in June 2026: outside December, last year has none, so this year opens too.
          const expected = december || now.getFullYear() - 1 !== 2026 ? now.getFullYear() : 2026;
          await page.waitForSelector("[data-stat], .empty-state");
          assert.equal(await page.locator(".wrapped h1").textContent(), `Your ${expected} on track`);
          assert.equal(await page.locator("[data-banner]").count(), december ? 1 : 0);
        },
      );

      await t.step("both pages and a session view fit a 390 px phone", async () => {
        const phone = await browser.newPage({
          viewport: VIEWPORTS.phone,
          storageState: await context.storageState(),
        });
        phone.on("pageerror", (e) => errors.push(e.message));
        await phone.goto(`${base}/?page=leaderboards`);
        await phone.waitForSelector('[data-board="lap-time"] tbody tr');
        await assertNoSidewaysScroll(phone, "leaderboards");
        await phone.screenshot({ path: join(OUTPUT, "leaderboards-phone.png"), fullPage: true });
        await phone.goto(`${base}/?page=wrapped&year=2026`);
        await phone.waitForSelector('[data-page-plot="sessions-per-month"] svg');
        await assertNoSidewaysScroll(phone, "wrapped");
        await phone.screenshot({ path: join(OUTPUT, "wrapped-phone.png"), fullPage: true });
        await phone.goto(`${base}/?s=${zoe.sessions[0]}`);
        await phone.waitForSelector('[data-view-tab="dashboard"]');
        assert.ok(await phone.locator('nav[aria-label="Views"]').isVisible(), "the view tabs at the bottom");
        assert.equal(await phone.locator("nav.app-pages").isVisible(), false, "no second bar of page links");
        await phone.locator('button[aria-label="Sessions"]').click();
        const inDrawer = phone.locator('.drawer-pages a[data-app-page="leaderboards"]');
        assert.ok(await inDrawer.isVisible(), "the page links are in the session drawer");
        await phone.locator('button[aria-label="Close sessions"]').click();
        await phone.screenshot({ path: join(OUTPUT, "session-phone.png") });
        await phone.close();
      });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
});
