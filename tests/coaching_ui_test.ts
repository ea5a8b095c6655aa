/**
 * Coaching in Chromium: the real server on 127.0.0.1 with the real
 * `@anthropic-ai/sdk` client talking to the fake Messages API (never the
 * internet). Debrief shows Claude's report with its priority corners linked
 * to Deep Dive and its grades; a question typed into the chat gets its
 * answer streamed: the test sees part of the answer before the whole.
 * Screenshots go to `test-output/coaching/`.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium, VIEWPORTS, waitForView } from "../kernel/testing/chromium.ts";
import { reportForPrompt, startFakeClaude, textEvents } from "../plugins/coaching/_fake_claude.ts";
import { ROOT, sampleFile, startTestServer, testDatabase, upload, waitForStatus } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "coaching");
const ANSWER =
  "Your brake point in the first priority corner moves from lap to lap: pick one marker and brake there every lap.";

Deno.test({
  name: "Debrief in Chromium: Claude's report, then a question answered as it streams",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await Deno.mkdir(OUTPUT, { recursive: true });
    await using fake = startFakeClaude(
      reportForPrompt(
        "Smooth and repeatable in most corners; the first priority corner holds the most time.",
      ),
      {
        kind: "stream",
        events: textEvents(ANSWER, 12),
        delayMs: 120,
      },
      reportForPrompt("Written for an advanced driver: every corner, with its numbers."),
    );
    await using db = await testDatabase("sqlite");
    await using server = await startTestServer(db, {
      ANTHROPIC_API_KEY: "test-key",
      ANTHROPIC_BASE_URL: fake.baseUrl,
    });
    const id =
      (await (await upload(server.url, [await sampleFile("barber-8laps.csv")])).json()).session_ids[0];
    await waitForStatus(server.url, id);
    const browser = await launchChromium();
    const errors: string[] = [];
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/?s=${id}&v=debrief`);
      await waitForView(page, "debrief");

      // The report (written for intermediate drivers, the level not yet chosen): written by Claude, three priority corners linked to Deep Dive, one grade row per corner.
      const report = page.locator('.coach-report[data-status="ready"]');
      await report.waitFor({ timeout: 30_000 });
      assert.equal(await report.getAttribute("data-source"), "claude");
      assert.match((await report.textContent()) ?? "", /Written by Claude \(claude-haiku-4-5\)/);
      assert.equal(await page.locator(".coach-priorities li").count(), 3);
      assert.ok(await page.locator(".coach-grades tbody tr").count() > 3);
      assert.match((await page.locator(".coach-summary").textContent()) ?? "", /first priority corner/);

      // The chat: the answer appears piece by piece, then stays in the conversation.
      await page.fill("#coach-question", "How do I get faster in the first priority corner?");
      await page.click('.coach-ask button[type="submit"]');
      const streaming = page.locator('[data-role="streaming"]');
      await page.waitForFunction(
        (whole) => {
          const text = document.querySelector('[data-role="streaming"]')?.textContent ?? "";
          return text.length > 10 && !text.includes(whole);
        },
        ANSWER,
        { timeout: 30_000 },
      );
      const partial = (await streaming.textContent()) ?? "";
      await page.locator('.coach-msg[data-role="assistant"]').waitFor({ timeout: 30_000 });
      const answer = (await page.locator('.coach-msg[data-role="assistant"]').last().textContent()) ?? "";
      assert.ok(answer.includes(ANSWER), answer);
      assert.ok(partial.length < answer.length, "part of the answer was shown before the whole");
      assert.equal(await streaming.count(), 0);
      await page.screenshot({ path: join(OUTPUT, "debrief-coach-desktop.png"), fullPage: true });

      // A priority corner opens Deep Dive at that corner.
      const first = page.locator(".coach-priorities li button.link").first();
      const label = (await first.textContent())!.trim();
      await first.click();
      await waitForView(page, "deep-dive");
      assert.equal(new URL(page.url()).searchParams.get("v"), "deep-dive");
      assert.ok(new URL(page.url()).searchParams.get("corner"), `Deep Dive focused on ${label}`);

      const phone = await browser.newPage({ viewport: VIEWPORTS.phone });
      await phone.goto(`${server.url}/?s=${id}&v=debrief`);
      await waitForView(phone, "debrief");
      await phone.locator('.coach-report[data-status="ready"]').waitFor({ timeout: 30_000 });
      await phone.screenshot({ path: join(OUTPUT, "debrief-coach-phone.png"), fullPage: true });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling on a phone (${overflow} px too wide)`);

      // Until the driver says their level, the report asks; answering writes the report for it.
      await page.goto(`${server.url}/?s=${id}&v=debrief`);
      await waitForView(page, "debrief");
      const level = page.locator(".coach-level");
      await level.waitFor({ timeout: 30_000 });
      await level.getByRole("button", { name: "advanced" }).click();
      await page.locator('.coach-report[data-status="ready"] select.coach-skill').waitFor({
        timeout: 30_000,
      });
      await page.waitForFunction(() =>
        (document.querySelector("select.coach-skill") as HTMLSelectElement | null)?.value === "advanced"
      );
      assert.equal(await level.count(), 0, "asked once");
      assert.match(
        (await page.locator(".coach-summary").textContent()) ?? "",
        /Written for an advanced driver/,
      );
      const settings = await (await fetch(`${server.url}/api/coaching/settings`)).json();
      assert.deepEqual([settings.skill_level, settings.skill_level_chosen], ["advanced", true]);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
});
