/**
 * Adding a circuit in Chromium: a session on a circuit the workbench does
 * not know (Roebling's, moved where no circuit is) shows the Circuit card's
 * form on the dashboard; naming the circuit draws it, the session is
 * analysed again and reloads matched to it, with turn numbers; the driver
 * then names a corner, and the new name shows once the analysis ran again.
 * For a file without lap markers the card says where its laps are timed;
 * once a session whose logger marks another line matches the circuit added
 * from it, the card moves the circuit's start/finish to that line. The
 * Circuits page lists every circuit and removes one the driver added.
 * Screenshots go to `test-output/circuits/`.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium, VIEWPORTS, waitForView } from "../kernel/testing/chromium.ts";
import { haveSessions } from "../sdk/testing/mod.ts";
import { movedRaceChrono } from "./moved_session.ts";
import {
  ROOT,
  SESSIONS_DIR,
  startTestServer,
  testDatabase,
  upload,
  waitForStatus,
} from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "circuits");

Deno.test({
  name: "circuits in Chromium: add the circuit of an unmatched session, then name one of its corners",
  ignore: !haveSessions(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await Deno.mkdir(OUTPUT, { recursive: true });
    await using db = await testDatabase("sqlite");
    await using server = await startTestServer(db);
    const text = movedRaceChrono(await Deno.readTextFile(join(SESSIONS_DIR, "roebling-6laps.csv")));
    const response = await upload(server.url, [{ name: "north.csv", bytes: new TextEncoder().encode(text) }]);
    const [id] = (await response.json()).session_ids;
    await waitForStatus(server.url, id);
    const browser = await launchChromium();
    const errors: string[] = [];
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/?s=${id}`);
      await waitForView(page, "dashboard");
      const card = page.locator('[data-contribution="circuit"]');
      await card.getByText("No circuit in this workbench matches this session").waitFor();
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUTPUT, "unknown-circuit.png") });
      const add = card.getByRole("button", { name: "Add circuit" });
      assert.equal(await add.isDisabled(), true, "no name, no circuit");
      await page.fill("#circuit-name", "Roebling North");
      await add.click();
      await card.getByText("Added by you").waitFor({ timeout: 60_000 });
      await waitForView(page, "dashboard");
      assert.match((await card.textContent())!, /Roebling North · 3\.2\d km · 8\s+corners/);
      await page.getByRole("heading", { name: "Roebling North" }).waitFor();
      assert.ok(
        await page.locator(".view").getByText("T8", { exact: true }).count() > 0,
        "turn labels are drawn",
      );
      assert.equal((await waitForStatus(server.url, id)).track_slug, "roebling-north");

      await card.getByText("Name its corners").click();
      await page.fill("#corner-name-1", "The Hook");
      await card.getByRole("button", { name: "Save names" }).click();
      await page.waitForFunction(
        () =>
          (document.querySelector("#corner-name-1") as HTMLInputElement | null)?.value === "The Hook" &&
          !document.querySelector('[data-contribution="circuit"] button[aria-busy], .skeleton'),
      );
      await page.getByText("The Hook").first().waitFor();
      const corners = await (await fetch(`${server.url}/api/sessions/${id}/corners`)).json();
      assert.equal(corners.corners[0].name, "The Hook", "the analysis ran again with the new name");
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUTPUT, "added-circuit.png") });

      // A file without lap markers elsewhere: the card says where its laps are timed.
      const lapless = movedRaceChrono(text, { dLatDeg: 2, dropLapNumbers: true });
      const other = await upload(server.url, [{
        name: "south.csv",
        bytes: new TextEncoder().encode(lapless),
      }]);
      const [second] = (await other.json()).session_ids;
      await waitForStatus(server.url, second);
      await page.goto(`${server.url}/?s=${second}`);
      await waitForView(page, "dashboard");
      await card.getByText("its laps are timed at a line across its fastest point").waitFor();
      await page.fill("#circuit-name", "Roebling South");
      await card.getByRole("button", { name: "Add circuit" }).click();
      await card.getByText("Added by you").waitFor({ timeout: 60_000 });

      // A file of the same circuit whose logger marks the real line: the card offers to move the line there.
      const marked = movedRaceChrono(text, { dLatDeg: 2, title: "South again" });
      const third = await upload(server.url, [{
        name: "south-marked.csv",
        bytes: new TextEncoder().encode(marked),
      }]);
      const [id3] = (await third.json()).session_ids;
      assert.equal((await waitForStatus(server.url, id3)).track_slug, "roebling-south");
      await page.goto(`${server.url}/?s=${id3}`);
      await waitForView(page, "dashboard");
      await card.getByText("so this session's laps are timed at your logger's markers").waitFor();
      await card.getByRole("button", { name: "Move its start/finish to this session's line" }).click();
      await card.getByText("Added by you").waitFor({ timeout: 60_000 });
      await page.waitForFunction(() =>
        !document.querySelector('[data-contribution="circuit"]')?.textContent?.includes(
          "your logger's markers",
        )
      );
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUTPUT, "moved-start.png") });

      // The Circuits page lists built-in and added circuits; the driver removes one of theirs.
      await page.goto(`${server.url}/?page=circuits`);
      const south = page.locator('tr[data-circuit="roebling-south"]');
      await south.getByText("added by you").waitFor();
      assert.match(
        (await page.locator('tr[data-circuit="barber-motorsports-park"]').textContent())!,
        /built in/,
      );
      await page.screenshot({ path: join(OUTPUT, "circuits-page.png") });
      await south.getByRole("button", { name: "Remove the circuit Roebling South" }).click();
      await south.getByRole("button", { name: "Remove Roebling South" }).click();
      await south.waitFor({ state: "detached" });
      assert.equal(await page.locator('tr[data-circuit="roebling-north"]').count(), 1);
      assert.equal(
        (await waitForStatus(server.url, id3)).track_slug,
        null,
        "its sessions are unmatched again",
      );
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
});
