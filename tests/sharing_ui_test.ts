/**
 * Sharing in Chromium against the real server with sign-in configured (the
 * fake issuer): a signed-in driver creates a link on the dashboard's Share
 * card (3 days, copied to the clipboard, listed as active), revokes a
 * second one after confirming, and sees an expired one listed as expired.
 * An anonymous browser context without cookies opens the link: the session
 * read-only (laps and best lap as in the truth file, corners, the circuit
 * outline), then a file of another circuit and a file that is not
 * telemetry are refused with their own messages, and a shared session
 * file of the same circuit gives the corner-by-corner comparison (table
 * and chart, the lap difference of the two true best laps). The revoked,
 * expired and unknown links each show their own page, and the API answers
 * 410 or 404 for them. Screenshots (desktop and 390 px) go to
 * `test-output/sharing/`.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { VIEWPORTS, waitForView } from "../kernel/testing/chromium.ts";
import { pluginStore } from "../kernel/storage/plugin_records.ts";
import { createLink } from "../plugins/sharing/links.ts";
import { haveSessions, readTruth } from "../sdk/testing/mod.ts";
import { DRIVERS, shoot, signInBrowser, signInWorld, uploadAs } from "./browser_accounts.ts";
import { ROOT, SESSIONS_DIR } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "sharing");
const DAY_MS = 86_400_000;
const LAP_MARGIN_S = 0.05;

/** Seconds from a displayed delta such as `+0.777 s` or `−0.123 s`. */
const deltaSeconds = (text: string) => Number(text.replace("−", "-").replace(/[^\d.+-]/g, ""));

Deno.test({
  name:
    "sharing in Chromium: a signed-in driver shares, an anonymous visitor views and compares; dead links say why",
  ignore: !haveSessions(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await using world = await signInWorld(OUTPUT);
    const { base, auth, browser } = world;
    const ann = await signInBrowser(browser, base, auth.issuer, DRIVERS.ann);
    const sessionId = await uploadAs(ann, base, "barber-8laps.csv");
    const { page } = ann;
    const card = page.locator('[data-contribution="share-session"]');
    let link = "";
    let revoked = "";
    let expired = "";

    await t.step(
      "the Share card creates a link lasting the chosen days, copies it, lists it active",
      async () => {
        await page.goto(`${base}/?s=${sessionId}`);
        await waitForView(page, "dashboard");
        await card.locator("text=No links yet").waitFor();
        await page.fill("#share-days", "91");
        assert.equal(await card.locator('button[type="submit"]').isDisabled(), true);
        assert.match((await card.textContent())!, /Choose a whole number of days from 1 to 90/);
        await page.fill("#share-days", "3");
        await card.locator('button[type="submit"]').click();
        link = await (await page.waitForSelector("#share-url")).inputValue();
        assert.match(link, new RegExp(`^${base}/\\?page=shared-session&token=[0-9a-f]{32}$`));
        await card.getByRole("button", { name: "Copy the new link" }).click();
        await card.getByRole("button", { name: "Copy the new link" }).getByText("Copied").waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
        const token = new URL(link).searchParams.get("token")!;
        const item = card.locator(`li[data-link="${token}"]`);
        assert.equal(await item.getAttribute("data-state"), "active");
        const links = await (await ann.context.request.get(`${base}/api/plugins/sharing/links`)).json();
        const made = links.find((l: { token: string }) => l.token === token);
        assert.equal((Date.parse(made.expires_at) - Date.parse(made.created_at)) / DAY_MS, 3);
      },
    );

    await t.step(
      "a second link is revoked after confirming; an expired one is listed as expired",
      async () => {
        await card.locator('button[type="submit"]').click();
        await page.waitForFunction((first) => {
          const input = document.querySelector<HTMLInputElement>("#share-url");
          return input && input.value !== first;
        }, link);
        revoked = new URL(await page.inputValue("#share-url")).searchParams.get("token")!;
        const item = card.locator(`li[data-link="${revoked}"]`);
        await item.getByRole("button", { name: /Revoke the link/ }).click();
        await item.getByRole("button", { name: "Revoke link" }).click();
        await card.locator(`li[data-link="${revoked}"][data-state="revoked"]`).waitFor();
        const store = pluginStore(auth.server.storage.db, "sharing");
        const session = {
          id: sessionId,
          userId: ann.userId,
          fileName: "barber-8laps.csv",
          status: "done",
          trackSlug: "barber-motorsports-park",
          trackName: "Barber Motorsports Park",
          date: null,
          createdAt: Date.now(),
          equipmentId: null,
        };
        expired = (await createLink(store, session, 1, Date.now() - 2 * DAY_MS)).token;
        await page.reload();
        await waitForView(page, "dashboard");
        await card.locator(`li[data-link="${expired}"][data-state="expired"]`).waitFor();
        assert.equal(await card.locator('li[data-state="active"]').count(), 1);
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: join(OUTPUT, "share-card-desktop.png") });
        await page.setViewportSize(VIEWPORTS.phone);
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: join(OUTPUT, "share-card-phone.png") });
        await page.setViewportSize(VIEWPORTS.desktop);
      },
    );

    const visitor = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const guest = await visitor.newPage();
    const errors: string[] = [];
    guest.on("pageerror", (e) => errors.push(e.message));
    const shared = await readTruth("barber-8laps.csv");

    await t.step(
      "an anonymous visitor sees the session read-only: laps, best lap, corners, outline",
      async () => {
        assert.deepEqual(await visitor.cookies(), []);
        await guest.goto(link);
        await guest.locator('[data-link-state="active"]').waitFor();
        assert.equal(await guest.locator("[data-laps] tbody tr").count(), shared.laps.length);
        const best = (await guest.locator(`[data-laps] tr[data-lap="${shared.best_lap}"]`).textContent())!;
        assert.match(best, /Best/);
        const m = /(\d+):(\d+\.\d+)/.exec(best)!;
        assert.ok(
          Math.abs(Number(m[1]) * 60 + Number(m[2]) - shared.best_lap_time_s!) < LAP_MARGIN_S,
          best,
        );
        assert.ok(await guest.locator("[data-shared-corners] tbody tr").count() > 10);
        assert.ok(await guest.locator('.page-plot g[aria-label="line"] path').count() > 0, "outline drawn");
        assert.match((await guest.locator(".page-head").textContent())!, /Shared by Ann Driver/);
        assert.equal(await guest.locator("[data-sign-in]").count(), 1, "the visitor is not signed in");
      },
    );

    await t.step(
      "another circuit's file and a file that is not telemetry get their own messages",
      async () => {
        const input = guest.locator('[data-compare] input[type="file"]');
        await input.setInputFiles(join(SESSIONS_DIR, "roebling-6laps.csv"));
        const other = guest.locator('[data-compare-error="different_track"]');
        await other.waitFor({ timeout: 60_000 });
        assert.match((await other.textContent())!, /another circuit.*not at Barber Motorsports Park/s);
        await input.setInputFiles({
          name: "lap-notes.txt",
          mimeType: "text/plain",
          buffer: Buffer.from("Turn 5: brake later.\n"),
        });
        const unreadable = guest.locator('[data-compare-error="unreadable_file"]');
        await unreadable.waitFor({ timeout: 60_000 });
        assert.match((await unreadable.textContent())!, /not a telemetry file.*lap-notes\.txt/s);
      },
    );

    await t.step(
      "a session of the same circuit is compared corner by corner, as in the truth",
      async () => {
        const friend = await readTruth("barber-1lap.csv");
        await guest.locator('[data-compare] input[type="file"]').setInputFiles(
          join(SESSIONS_DIR, "barber-1lap.csv"),
        );
        await guest.locator("[data-comparison]").waitFor({ timeout: 60_000 });
        const delta = deltaSeconds((await guest.locator("[data-lap-delta]").textContent())!);
        const trueDelta = friend.best_lap_time_s! - shared.best_lap_time_s!;
        assert.ok(Math.abs(delta - trueDelta) < LAP_MARGIN_S, `shown ${delta} s, true ${trueDelta} s`);
        assert.match((await guest.locator("[data-comparison]").textContent())!, /You are 0\.\d+ s slower/);
        const rows = await guest.locator("[data-compare-corners] tbody tr").count();
        assert.ok(rows > 10, `${rows} corners compared`);
        const bars = await guest.locator('[data-comparison] g[aria-label="bar"] > *').count();
        assert.equal(bars, rows, "one bar per compared corner");
        assert.equal(await guest.locator("[data-compare-error]").count(), 0);
        await shoot(guest, OUTPUT, "shared-session-compared");
      },
    );

    await t.step("revoked, expired and unknown links each get their own page and API answer", async () => {
      const cases = [
        [revoked, "revoked", 410, "share_link_revoked", /was revoked/],
        [expired, "expired", 410, "share_link_expired", /has expired/],
        ["0123456789abcdef0123456789abcdef", "not-found", 404, "share_link_not_found", /does not exist/],
      ] as const;
      for (const [token, state, status, code, title] of cases) {
        await guest.goto(`${base}/?page=shared-session&token=${token}`);
        const page = guest.locator(`[data-link-state="${state}"]`);
        await page.waitFor();
        assert.match((await page.locator("h1").textContent())!, title);
        const answer = await visitor.request.get(`${base}/api/plugins/sharing/shared/${token}`);
        assert.equal(answer.status(), status);
        assert.equal((await answer.json()).error.code, code);
        await shoot(guest, OUTPUT, `shared-link-${state}`);
      }
    });
    assert.deepEqual([...ann.errors, ...errors], []);
  },
});
