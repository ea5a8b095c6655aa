/**
 * The Achievements, Instructor and Organizations pages in Chromium against
 * the real server with sign-in configured (the fake issuer), as two
 * drivers in two browser contexts, each with a Barber session:
 * - Ann's badges and recent feed match the routes' answer; marking the feed
 *   seen clears the new count;
 * - Ann creates an instructor invite code; Ben redeems it (typed in lower
 *   case with a dash), a wrong code is refused; Ann opens Ben's session
 *   read-only (its laps as in the truth file) and pins a safety note on a
 *   corner, which Ben then reads on his own page with a link to the session;
 * - Ann creates an organization and a member code; Ben joins with it and,
 *   as a member, gets no owner or event controls; Ann makes him an
 *   instructor and schedules an event at Barber on the sessions' day; the
 *   event lists both drivers' sessions, for Ann and for Ben, and a
 *   session's summary opens.
 * The top bar lists the pages in order (a phone, in the drawer). Every page is saved as a
 * screenshot, desktop and 390 px wide (no sideways scrolling), in
 * `test-output/social/`.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { VIEWPORTS } from "../kernel/testing/chromium.ts";
import { haveSessions, readTruth } from "../sdk/testing/mod.ts";
import { DRIVERS, shoot, signInBrowser, signInWorld, uploadAs } from "./browser_accounts.ts";
import { ROOT } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "social");

/** Opens an app page through the address bar and waits until it has loaded. */
async function openPage(page: Page, base: string, query: string): Promise<void> {
  await page.goto(`${base}/?${query}`);
  await page.locator(".app-page").waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

Deno.test({
  name: "achievements, instructor and organizations pages in Chromium, as two signed-in drivers",
  ignore: !haveSessions(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await using world = await signInWorld(OUTPUT);
    const { base, auth, browser } = world;
    const ann = await signInBrowser(browser, base, auth.issuer, DRIVERS.ann);
    const ben = await signInBrowser(browser, base, auth.issuer, DRIVERS.ben);
    await uploadAs(ann, base, "barber-8laps.csv");
    const benSession = await uploadAs(ben, base, "barber-faults.csv");
    const a = ann.page, b = ben.page;

    await t.step(
      "the top bar lists the pages in order; Ann's badges and feed match the routes",
      async () => {
        await openPage(a, base, "page=achievements");
        const order = await a.locator(".topbar [data-app-page]").evaluateAll((links) =>
          links.map((l) => l.getAttribute("data-app-page"))
        );
        const own = ["achievements", "instructor", "organizations"];
        assert.deepEqual(order.filter((id) => own.includes(id!)), own);
        await a.setViewportSize(VIEWPORTS.phone); // a phone reaches the pages from the drawer instead
        assert.equal(await a.locator(".topbar [data-app-page]").first().isVisible(), false);
        await a.getByRole("button", { name: "Sessions", exact: true }).click();
        await a.locator('.drawer-pages [data-app-page="organizations"]').click();
        await a.locator("#org-name").waitFor();
        assert.equal(await a.locator(".drawer").count(), 0, "the drawer closes");
        await a.setViewportSize(VIEWPORTS.desktop);
        await openPage(a, base, "page=achievements");
        const badges = await (await ann.context.request.get(`${base}/api/plugins/achievements/badges`))
          .json();
        const earned = badges.badges.filter((x: { earned: unknown[] }) => x.earned.length > 0)
          .map((x: { id: string }) => x.id);
        assert.ok(earned.includes("first-session") && earned.includes("new-track"), earned.join(", "));
        const shown = await a.locator('[data-badge][data-earned="true"]').evaluateAll((tiles) =>
          tiles.map((tile) => tile.getAttribute("data-badge"))
        );
        assert.deepEqual(shown, earned);
        const unseen = Number(await a.locator("[data-unseen]").getAttribute("data-unseen"));
        assert.equal(unseen, badges.earned_count);
        assert.equal(await a.locator('li[data-seen="false"] .badge.new').count(), Math.min(unseen, 10));
        await shoot(a, OUTPUT, "achievements");
        await a.getByRole("button", { name: "Mark all as seen" }).click();
        await a.locator('[data-unseen="0"]').waitFor();
        const recent = await (await ann.context.request.get(`${base}/api/plugins/achievements/recent`))
          .json();
        assert.equal(recent.unseen, 0);
      },
    );

    let code = "";
    await t.step(
      "Ann creates an instructor invite code; Ben redeems it, a wrong code is refused",
      async () => {
        await openPage(a, base, "page=instructor");
        await a.getByRole("button", { name: "Create an invite code" }).click();
        code = (await a.locator("li[data-invite] .code").textContent())!;
        assert.match(code, /^[2-9A-Z]{10}$/);
        await shoot(a, OUTPUT, "instructor-invite");
        await openPage(b, base, "page=instructor");
        await b.fill("#invite-code", "WRONGCODE2");
        await b.getByRole("button", { name: "Redeem" }).click();
        assert.match(
          (await b.locator('[data-my-instructors] [role="alert"]').textContent())!,
          /unknown, used/,
        );
        await b.fill("#invite-code", `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`);
        await b.getByRole("button", { name: "Redeem" }).click();
        assert.match((await b.locator("[data-joined]").textContent())!, /student of Ann Driver/);
        await b.locator(`li[data-instructor="${ann.userId}"]`).waitFor();
      },
    );

    const note = "Brake a car length later into T5; the car has more grip than you use.";
    await t.step("Ann opens Ben's session read-only and pins a note on a corner", async () => {
      const truth = await readTruth("barber-faults.csv");
      await openPage(a, base, "page=instructor");
      await a.locator(`li[data-student="${ben.userId}"]`).getByRole("button", { name: /sessions/ }).click();
      await a.locator(`[data-student-sessions] li[data-session="${benSession}"]`).waitFor();
      await shoot(a, OUTPUT, "instructor-student");
      await a.locator(`li[data-session="${benSession}"]`).getByRole("button", { name: /Open the session/ })
        .click();
      await a.locator("[data-student-corners]").waitFor();
      assert.equal(await a.locator("[data-laps] tbody tr").count(), truth.laps.length);
      assert.match((await a.locator(".page-head").textContent())!, /Ben Student · read-only/);
      const corner = await a.locator("#note-corner option").nth(2).getAttribute("value");
      await a.selectOption("#note-corner", corner!);
      await a.selectOption("#note-kind", "safety");
      await a.fill("#note-text", note);
      await a.getByRole("button", { name: "Add note" }).click();
      const pinned = a.locator('li[data-note][data-kind="safety"]');
      await pinned.waitFor();
      assert.match((await pinned.textContent())!, /Brake a car length later/);
      await shoot(a, OUTPUT, "instructor-session");
    });

    await t.step("Ben reads the note on his own page and opens his session from it", async () => {
      await openPage(b, base, "page=instructor");
      const noted = b.locator(`[data-noted-session="${benSession}"]`);
      await noted.waitFor();
      assert.match((await noted.textContent())!, /Safety.*car length later.*Ann Driver/s);
      await shoot(b, OUTPUT, "instructor-student-side");
      await noted.getByRole("button", { name: "Open the session" }).click();
      await b.waitForURL((url) => url.searchParams.get("s") === benSession);
    });

    let slug = "";
    await t.step("Ann creates an organization and a member code; Ben joins as a member", async () => {
      await openPage(a, base, "page=organizations");
      await shoot(a, OUTPUT, "organizations-empty");
      await a.fill("#org-name", "Barber Track Club");
      await a.getByRole("button", { name: "Create", exact: true }).click();
      await a.locator('[data-org-role="owner"]').waitFor();
      slug = new URL(a.url()).searchParams.get("org")!;
      assert.equal(slug, "barber-track-club");
      await a.getByRole("button", { name: "Create code" }).click();
      const orgCode = (await a.locator("li[data-org-invite] .code").textContent())!;
      await openPage(b, base, "page=organizations");
      await b.fill("#org-code", orgCode);
      await b.getByRole("button", { name: "Join" }).click();
      await b.locator('[data-org-role="member"]').waitFor();
      assert.equal(await b.locator("[data-org-members] select").count(), 0, "a member changes no role");
      assert.equal(await b.getByRole("button", { name: "Create code" }).count(), 0);
      assert.equal(await b.getByRole("button", { name: "Schedule" }).count(), 0);
      await b.locator(`li[data-member="${ann.userId}"][data-role="owner"]`).waitFor();
      await shoot(b, OUTPUT, "organization-member");
    });

    await t.step("Ann makes Ben an instructor and schedules an event; both read its sessions", async () => {
      await openPage(a, base, `page=organizations&org=${slug}`);
      await a.selectOption(`#role-${ben.userId}`, "instructor");
      await a.locator(`li[data-member="${ben.userId}"]`).locator('option[value="instructor"]:checked')
        .waitFor({ state: "attached" });
      await a.fill("#event-name", "Spring track day");
      assert.equal(await a.inputValue("#event-circuit"), "barber-motorsports-park");
      await a.fill("#event-date", "2026-06-14");
      await a.getByRole("button", { name: "Schedule" }).click();
      const event = a.locator("li[data-event]");
      await event.waitFor();
      assert.match((await event.textContent())!, /Spring track day.*Barber Motorsports Park/s);
      await shoot(a, OUTPUT, "organization-owner");
      await event.getByRole("button", { name: /Sessions driven at/ }).click();
      const listed = a.locator("[data-event-sessions] li");
      await listed.first().waitFor();
      assert.equal(await listed.count(), 2, "the owner reads both drivers' sessions at the event");
      await shoot(a, OUTPUT, "organization-event");
      await a.locator(`li[data-session="${benSession}"]`).getByRole("button", { name: /Summary/ }).click();
      await a.locator(".metrics").waitFor();
      assert.match((await a.locator(".page-head").textContent())!, /Ben Student/);
      await shoot(a, OUTPUT, "organization-session");

      await openPage(b, base, `page=organizations&org=${slug}`);
      await b.locator('[data-org-role="instructor"]').waitFor();
      assert.equal(
        await b.locator("[data-org-members] select").count(),
        0,
        "an instructor changes no role",
      );
      await b.getByRole("button", { name: /Sessions driven at/ }).click();
      await b.locator("[data-event-sessions] li").first().waitFor();
      assert.equal(await b.locator("[data-event-sessions] li").count(), 2);
    });
    assert.deepEqual([...ann.errors, ...ben.errors], []);
  },
});
