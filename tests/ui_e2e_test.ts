/**
 * The web workbench end to end: real headless Chromium against the real
 * server on 127.0.0.1 with SQLite in a temporary data directory. Uploads the
 * shared Barber session through the page, follows its progress, opens each
 * of the four views, checks the charts drew (marks, axis labels, lap count
 * from the truth file), that the distance cursor is shared by every
 * distance chart and the track map, that picking a second lap changes the
 * delta chart, that the faults file's diagnostics are shown line by line,
 * that a non-telemetry file gets a clear error, and that a failing chart
 * and panel (a fixture plugin) show inline errors while the rest renders.
 * Screenshots of every view, desktop and 390 px wide, go to
 * `test-output/ui/`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT, SESSIONS_DIR, startTestServer, testDatabase } from "./server_harness.ts";
import { launchChromium, VIEWPORTS, waitForView } from "../kernel/testing/chromium.ts";

const OUTPUT = join(ROOT, "test-output", "ui");
const VIEWS = ["dashboard", "deep-dive", "progress", "debrief"] as const;
const BROKEN_PLUGIN = join(ROOT, "tests", "fixtures", "broken_chart");

interface TruthLap {
  number: number;
  complete: boolean;
  time_s: number | null;
}
interface Truth {
  laps: TruthLap[];
  best_lap: number;
  best_lap_time_s: number;
  faults: { kind: string; line: number }[];
}

const truthOf = async (file: string): Promise<Truth> =>
  JSON.parse(await Deno.readTextFile(join(SESSIONS_DIR, `${file}.truth.json`)));

/** Text of the delta chart's subtitle and the `d` of its line. */
async function deltaState(page: Page): Promise<{ caption: string; line: string }> {
  const card = page.locator('[data-contribution="delta-t"]');
  return {
    caption: (await card.locator("figure h2, figure h3").first().textContent()) ?? "",
    line: (await card.locator('g[aria-label="line"] path').first().getAttribute("d")) ?? "",
  };
}

/** Where the cursor overlay of a chart is: `{display, x}` with x relative to the chart's plot. */
function cursorOf(page: Page, contribution: string, selector: string) {
  return page.evaluate(([c, sel]) => {
    const card = document.querySelector(`[data-contribution="${c}"]`)!;
    const el = card.querySelector<HTMLElement>(sel);
    const svg = card.querySelector(".plot-area svg:last-of-type")!;
    if (!el) return null;
    const r = el.getBoundingClientRect(), s = svg.getBoundingClientRect();
    return {
      display: getComputedStyle(el).display,
      x: r.left + r.width / 2 - s.left,
      y: r.top + r.height / 2 - s.top,
    };
  }, [contribution, selector] as const);
}

Deno.test({
  name: "the workbench in Chromium: upload, four views, shared cursor, lap pick, diagnostics, errors",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await Deno.mkdir(OUTPUT, { recursive: true });
    await using db = await testDatabase("sqlite");
    await using server = await startTestServer(db, {}, [BROKEN_PLUGIN]);
    const browser = await launchChromium();
    const errors: string[] = [];
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      page.on("pageerror", (e) => errors.push(e.message));
      const truth = await truthOf("barber-8laps.csv");
      let sessionUrl = "";

      await t.step("upload through the page, follow the progress, land on the dashboard", async () => {
        await page.goto(server.url);
        await page.waitForSelector(".welcome .dropzone");
        await page.evaluate(() => {
          const seen: string[] = [];
          (globalThis as unknown as { seenPhases: string[] }).seenPhases = seen;
          new MutationObserver(() => {
            for (const el of document.querySelectorAll(".upload-detail")) {
              const text = el.textContent ?? "";
              if (text && seen.at(-1) !== text) seen.push(text);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await page.setInputFiles(".welcome input[type=file]", join(SESSIONS_DIR, "barber-8laps.csv"));
        await waitForView(page, "dashboard", 60_000);
        sessionUrl = page.url();
        const phases: string[] = await page.evaluate(() =>
          (globalThis as unknown as { seenPhases: string[] }).seenPhases
        );
        assert.ok(phases.some((p) => /^Uploading/.test(p)), `upload progress shown: ${phases.join(" | ")}`);
        assert.ok(
          phases.some((p) => /^(Waiting for the analysis|Analysing)/.test(p)),
          `analysis progress shown: ${phases.join(" | ")}`,
        );
      });

      await t.step("the dashboard shows the laps of the truth file and the best lap", async () => {
        const lapCount = await page.locator("[data-lap-count]").getAttribute("data-lap-count");
        assert.equal(Number(lapCount), truth.laps.length);
        const timed = truth.laps.filter((l) => l.complete && l.time_s !== null).length;
        assert.equal(await page.locator(".lap-picker .pill").count(), timed);
        const best = await page.locator(".pill.ref").getAttribute("data-lap");
        assert.equal(Number(best), truth.best_lap);
        const header = (await page.locator(".view-header").textContent()) ?? "";
        const m = /Best (\d+):(\d+\.\d+)/.exec(header);
        assert.ok(m, header);
        // Lap times are measured at interpolated line crossings: within 0.05 s of the generator's.
        assert.ok(Math.abs(Number(m[1]) * 60 + Number(m[2]) - truth.best_lap_time_s) < 0.05, header);
      });

      await t.step("every view draws its charts with marks and axis labels, with no error", async () => {
        const expectations: Record<(typeof VIEWS)[number], { chart: string; mark: string; label: RegExp }[]> =
          {
            dashboard: [
              { chart: "speed-trace", mark: "line", label: /Speed \(km\/h\)/ },
              { chart: "lap-times", mark: "bar", label: /Lap time/ },
              { chart: "gains-waterfall", mark: "bar", label: /Lap time \(s\)/ },
              { chart: "track-map", mark: "line", label: /Speed \(km\/h\)/ },
            ],
            "deep-dive": [
              { chart: "delta-t", mark: "line", label: /Delta \(s\)/ },
              { chart: "g-trace", mark: "line", label: /Distance \(m\)/ },
              { chart: "gg-diagram", mark: "dot", label: /Lateral g/ },
              { chart: "min-speed-scatter", mark: "dot", label: /Min speed/ },
              { chart: "mini-sector-map", mark: "line", label: /Fastest lap|L\d/ },
            ],
            progress: [{ chart: "lap-time-trend", mark: "dot", label: /Lap time/ }],
            debrief: [{ chart: "gps-timeline", mark: "rect", label: /Session time \(min\)/ }],
          };
        for (const view of VIEWS) {
          await page.click(`[data-view-tab="${view}"]`);
          await waitForView(page, view);
          for (const { chart, mark, label } of expectations[view]) {
            const card = page.locator(`.view[data-view="${view}"] [data-contribution="${chart}"]`);
            const marks = await card.locator(`g[aria-label="${mark}"] > *`).count();
            assert.ok(marks > 0, `${view}/${chart}: ${mark} marks drawn`);
            assert.match((await card.textContent()) ?? "", label, `${view}/${chart}: axis label`);
          }
          const failures = await page.locator(
            `.view[data-view="${view}"] .chart-error, .view[data-view="${view}"] .inline-error`,
          )
            .allTextContents();
          const unexpected = failures.filter((f) => !/deliberately broken/.test(f));
          assert.deepEqual(unexpected, [], `${view}: no failing chart`);
        }
      });

      await t.step(
        "a failing chart and panel show inline errors; the rest of the view lives on",
        async () => {
          await page.click('[data-view-tab="dashboard"]');
          await waitForView(page, "dashboard");
          assert.match(
            await page.locator('[data-contribution="broken-chart"] .chart-error').textContent() ?? "",
            /deliberately broken chart/,
          );
          assert.match(
            await page.locator('[data-contribution="broken-panel"] .inline-error').textContent() ?? "",
            /deliberately broken panel/,
          );
          assert.ok(
            await page.locator('[data-contribution="speed-trace"] g[aria-label="line"] path').count() > 0,
          );
        },
      );

      await t.step(
        "hovering the speed chart moves the cursor on every distance chart and the map dot",
        async () => {
          await page.click('[data-view-tab="deep-dive"]');
          await waitForView(page, "deep-dive");
          const speedSvg = page.locator('[data-contribution="speed-trace"] .plot-area svg').last();
          const box = (await speedSvg.boundingBox())!;
          const positions: { x: number; y: number }[] = [];
          for (const fraction of [0.35, 0.7]) {
            await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
            await page.waitForFunction(() =>
              getComputedStyle(document.querySelector('[data-contribution="track-map"] .cursor-dot')!)
                .display === "block"
            );
            const speed = (await cursorOf(page, "speed-trace", ".cursor-line"))!;
            assert.equal(speed.display, "block");
            for (const other of ["delta-t", "g-trace", "brake-throttle", "optimal-speed"]) {
              const cursor = await cursorOf(page, other, ".cursor-line");
              assert.ok(cursor && cursor.display === "block", `${other} shows the cursor`);
              // Same plot widths and x scales: the lines sit at the same x (±1.5 px for rounding).
              assert.ok(
                Math.abs(cursor.x - speed.x) < 1.5,
                `${other} cursor at ${cursor.x}, speed at ${speed.x}`,
              );
            }
            const readouts = await page.locator(".cursor-readout").allTextContents();
            const distances = new Set(readouts.filter(Boolean).map((r) => r.split(" · ")[0]));
            assert.equal(distances.size, 1, `one cursor distance everywhere: ${[...distances].join(", ")}`);
            positions.push((await cursorOf(page, "track-map", ".cursor-dot"))!);
          }
          const moved = Math.hypot(positions[1].x - positions[0].x, positions[1].y - positions[0].y);
          assert.ok(moved > 20, `the map dot follows the cursor (moved ${moved.toFixed(0)} px)`);
          await page.mouse.move(0, 0);
        },
      );

      await t.step("picking a second lap changes the delta chart", async () => {
        const before = await deltaState(page);
        const other = truth.laps.find((l) =>
          l.complete && l.time_s !== null && l.number !== truth.best_lap && l.number > 1
        )!;
        await page.click(`.pill[data-lap="${other.number}"]`);
        await page.waitForFunction(
          (lap) =>
            document.querySelector('[data-contribution="delta-t"] figure')?.textContent?.includes(
              `L${lap} against`,
            ),
          other.number,
        );
        await waitForView(page, "deep-dive");
        const after = await deltaState(page);
        assert.notEqual(after.line, before.line);
        assert.match(after.caption, new RegExp(`L${other.number} against L${truth.best_lap}`));
        assert.equal(
          await page.locator('[data-contribution="speed-trace"] g[aria-label="line"] path').count(),
          2,
        );
        assert.match(page.url(), new RegExp(`comp=${other.number}`));
        // Neither lap the best: the server composes the pair from the stored deltas.
        const reference = truth.laps.find((l) =>
          l.complete && l.time_s !== null && l.number > 1 && l.number !== truth.best_lap &&
          l.number !== other.number
        )!;
        await page.selectOption(".ref-select select", String(reference.number));
        await page.waitForFunction(
          ([comp, ref]) =>
            document.querySelector('[data-contribution="delta-t"] figure')?.textContent?.includes(
              `L${comp} against L${ref}:`,
            ),
          [other.number, reference.number],
        );
        const composed = await deltaState(page);
        assert.notEqual(composed.line, after.line);
        // The caption ends with the lap-time difference of the truth file's laps (± 0.05 s: measured crossings).
        const total = Number(
          /([+−])(\d+\.\d+) s at the line/.exec(composed.caption)!.slice(1).join("").replace("−", "-"),
        );
        assert.ok(Math.abs(total - (other.time_s! - reference.time_s!)) < 0.05, composed.caption);
      });

      await t.step(
        "the driver tags the reference lap; the analysis leaves it out; the tags are shown after a reload",
        async () => {
          const ref = Number(await page.locator(".pill.ref").getAttribute("data-lap"));
          const refPill = page.locator(`.pill[data-lap="${ref}"]`);
          assert.ok(
            !(await refPill.getAttribute("class"))!.includes("excluded"),
            "precondition: the lap counts",
          );
          await page.click(".lap-tags summary");
          await page.check('.lap-tags-form input[value="traffic"]');
          await page.fill("#lap-tag-other", "new pads");
          await page.click('.lap-tags-form button[type="submit"]');
          await page.waitForSelector('.lap-tags-form [role="status"]');
          // Saved once the re-analysis is done and the session reloaded: the lap is still the reference,
          // now dimmed with the driver's reason.
          await page.waitForSelector(`.pill.ref.excluded[data-lap="${ref}"]`);
          assert.match((await refPill.getAttribute("title"))!, /^you tagged it traffic/);
          const picker = (await page.locator(".lap-picker").boundingBox())!;
          await page.screenshot({
            path: join(OUTPUT, "lap-tags-desktop.png"),
            clip: { x: picker.x, y: picker.y, width: picker.width, height: picker.height + 330 },
          });
          const id = new URL(page.url()).searchParams.get("s");
          const stored = await (await fetch(`${server.url}/api/sessions/${id}/laps/${ref}/tags`)).json();
          assert.deepEqual(stored.tags, ["traffic", "new pads"]);
          // A fresh page (this one keeps its upload list for the steps after this one) reads them back.
          const fresh = await browser.newPage({ viewport: VIEWPORTS.desktop });
          fresh.on("pageerror", (e) => errors.push(e.message));
          await fresh.goto(page.url());
          await waitForView(fresh, "deep-dive");
          assert.equal(await fresh.locator(".lap-tags summary .badge").textContent(), "2");
          await fresh.click(".lap-tags summary");
          assert.ok(await fresh.isChecked('.lap-tags-form input[value="traffic"]'));
          assert.ok(await fresh.isChecked('.lap-tags-form input[value="new pads"]'));
          assert.ok(!(await fresh.isChecked('.lap-tags-form input[value="rain"]')));
          await fresh.close();
          // Clearing them again leaves the lap as it was for the steps after this one.
          await page.uncheck('.lap-tags-form input[value="traffic"]');
          await page.uncheck('.lap-tags-form input[value="new pads"]');
          await page.click('.lap-tags-form button[type="submit"]');
          await page.waitForSelector('.lap-tags-form [role="status"]');
          const cleared = await (await fetch(`${server.url}/api/sessions/${id}/laps/${ref}/tags`)).json();
          assert.deepEqual(cleared.tags, []);
          await page.waitForSelector(`.pill.ref:not(.excluded)[data-lap="${ref}"]`);
          await page.click(".lap-tags summary");
        },
      );

      await t.step(
        "the driver adds their car, the optimal lap is solved for it; edits it; deletes it: back to the estimate",
        async () => {
          const id = new URL(page.url()).searchParams.get("s");
          const optimal = async () =>
            await (await fetch(`${server.url}/api/sessions/${id}/artifacts/optimal-profile`)).json();
          const estimated = await optimal();
          assert.equal(estimated.vehicleSource, "estimated");
          await page.click(".car-picker summary");
          await page.click('.car-form button:has-text("New car")');
          await page.fill('.car-new input[name="name"]', "Miata ND2");
          await page.fill('.car-new input[name="weightKg"]', "1060");
          await page.click('.car-new button[type="submit"]');
          await page.waitForSelector('.car-new [role="alert"]');
          assert.match(
            await page.locator('.car-new [role="alert"]').textContent() ?? "",
            /Power must be a number/,
          );
          const form = (await page.locator(".car-form").boundingBox())!;
          await page.screenshot({
            path: join(OUTPUT, "car-form-desktop.png"),
            clip: { x: form.x - 10, y: form.y - 50, width: form.width + 20, height: form.height + 60 },
          });
          await page.fill('.car-new input[name="powerHp"]', "181");
          await page.selectOption('.car-new select[name="tyre"]', "r_compound");
          await page.click('.car-new button[type="submit"]');
          await page.waitForFunction(() =>
            document.querySelector(".car-picker summary")?.textContent?.includes("Miata ND2") &&
            !document.querySelector(".car-form [role=status]")
          );
          const given = await optimal();
          assert.deepEqual([given.vehicleSource, given.vehicle.massKg], ["given", 1140]);
          assert.notEqual(given.lapTimeS, estimated.lapTimeS);
          const dashboard = await browser.newPage({ viewport: VIEWPORTS.desktop });
          const dashboardUrl = new URL(page.url());
          dashboardUrl.searchParams.set("v", "dashboard");
          await dashboard.goto(dashboardUrl.href);
          await waitForView(dashboard, "dashboard");
          const optimalTile = dashboard.locator('.metric:has-text("Optimal lap") .metric-note');
          assert.equal(await optimalTile.textContent(), "physics, for your car");
          await dashboard.close();
          const picker = (await page.locator(".lap-picker").boundingBox())!;
          await page.screenshot({
            path: join(OUTPUT, "car-picker-desktop.png"),
            clip: { x: picker.x, y: picker.y, width: picker.width, height: picker.height + 200 },
          });
          // Editing the car: the form comes back with its numbers; more power, a faster optimal lap.
          await page.click('.car-form button:has-text("Edit Miata ND2")');
          assert.equal(await page.inputValue('.car-new input[name="weightKg"]'), "1060");
          assert.equal(await page.inputValue('.car-new select[name="tyre"]'), "r_compound");
          await page.fill('.car-new input[name="powerHp"]', "300");
          await page.click('.car-new button[type="submit"]');
          await page.waitForFunction(() =>
            !document.querySelector(".car-new") && !document.querySelector(".car-form [role=status]")
          );
          const tuned = await optimal();
          assert.ok(Math.abs(tuned.vehicle.powerW - 300 * 745.7 * 0.85) < 1, `${tuned.vehicle.powerW}`);
          assert.ok(tuned.lapTimeS < given.lapTimeS, `${tuned.lapTimeS} < ${given.lapTimeS}`);
          // Deleting it: back to the estimate.
          await page.click('.car-form button[aria-label="Delete the car Miata ND2"]');
          await page.click('.car-form button:has-text("Delete Miata ND2")');
          await page.waitForFunction(() =>
            document.querySelector(".car-picker summary")?.textContent?.includes("estimated") &&
            !document.querySelector(".car-form [role=status]")
          );
          assert.deepEqual(await optimal(), estimated);
          assert.deepEqual(await (await fetch(`${server.url}/api/equipment/profiles`)).json(), []);
          await page.click(".car-picker summary");
        },
      );

      await t.step(
        "the driver writes a note on the focused corner in Deep Dive, pins and deletes it",
        async () => {
          const url = new URL(page.url());
          url.searchParams.set("v", "deep-dive");
          url.searchParams.set("corner", "2");
          const notesPage = await browser.newPage({ viewport: VIEWPORTS.desktop });
          notesPage.on("pageerror", (e) => errors.push(e.message));
          await notesPage.goto(url.href);
          await waitForView(notesPage, "deep-dive");
          const card = notesPage.locator('[data-contribution="driver-notes"]');
          await card.locator("text=No notes yet").waitFor();
          const label = (await card.locator("#note-about option:checked").textContent())!;
          assert.match(label, /^T\d/, "the focused corner is what the note is about");
          await card.locator("#note-text").fill("Brake at the 2 board");
          await card.locator('input[type="checkbox"]').check();
          await card.locator('button[type="submit"]').click();
          const item = card.locator("li.focused");
          await item.waitFor();
          assert.match((await item.textContent())!, /Brake at the 2 board/);
          assert.match((await item.locator(".badge").textContent())!, /Barber Motorsports Park · T/);
          await item.getByRole("button", { name: "Pin" }).click();
          await item.getByText("Pinned").waitFor();
          const box = (await card.boundingBox())!;
          await notesPage.screenshot({ path: join(OUTPUT, "notes-desktop.png"), clip: box });
          await item.getByRole("button", { name: /Delete the note/ }).click();
          await item.getByRole("button", { name: "Delete note" }).click();
          await card.locator("text=No notes yet").waitFor();
          await notesPage.close();
        },
      );

      await t.step("screenshots of every view, desktop and 390 px wide", async () => {
        for (const [name, viewport] of Object.entries(VIEWPORTS)) {
          const shot = await browser.newPage({ viewport });
          shot.on("pageerror", (e) => errors.push(e.message));
          for (const view of VIEWS) {
            const url = new URL(sessionUrl);
            url.searchParams.set("v", view);
            await shot.goto(url.href);
            await waitForView(shot, view);
            await shot.screenshot({ path: join(OUTPUT, `${view}-${name}.png`), fullPage: true });
          }
          const overflow = await shot.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.ok(overflow <= 0, `${name}: no horizontal scrolling (${overflow} px too wide)`);
          await shot.close();
        }
      });

      await t.step("the faults file's diagnostics are listed with their lines", async () => {
        const faults = await truthOf("barber-faults.csv");
        await page.click('.topbar button:has-text("Upload")');
        await page.setInputFiles(".drawer input[type=file]", join(SESSIONS_DIR, "barber-faults.csv"));
        const row = page.locator('.upload-item[data-file="barber-faults.csv"]');
        await row.locator("text=Open").click({ timeout: 60_000 });
        await page.click('[data-view-tab="debrief"]');
        await waitForView(page, "debrief");
        const listed = (await page.locator(".diagnostics-list").textContent()) ?? "";
        for (const fault of faults.faults) {
          assert.match(
            listed,
            new RegExp(`line ${fault.line}\\b`),
            `${fault.kind} at line ${fault.line} is shown`,
          );
        }
      });

      await t.step("a file that is not telemetry gets a clear error next to it", async () => {
        const notes = await Deno.makeTempFile({ suffix: ".txt" });
        await Deno.writeTextFile(notes, "Shopping list: tyres, brake pads, fuel.\n");
        await page.click('.topbar button:has-text("Upload")');
        await page.setInputFiles(".drawer input[type=file]", notes);
        const error = page.locator(".upload-item.failed .upload-error");
        await error.waitFor({ timeout: 30_000 });
        assert.match((await error.textContent()) ?? "", /is not a supported logger file/);
        assert.equal(await page.locator(".upload-item.failed button", { hasText: "Retry" }).count(), 1);
        await Deno.remove(notes);
      });

      await t.step(
        "the driver downloads all their data, deletes it (the workbench starts afresh), and imports it back",
        async () => {
          const data = await browser.newPage({ viewport: VIEWPORTS.desktop });
          data.on("pageerror", (e) => errors.push(e.message));
          await data.goto(server.url);
          await data.click('button[aria-label="Settings"]');
          const [download] = await Promise.all([
            data.waitForEvent("download"),
            data.click('.your-data a:has-text("Download all your data")'),
          ]);
          const exportPath = (await download.path())!;
          const exported = JSON.parse(await Deno.readTextFile(exportPath));
          assert.equal(exported.format, "cataclysm-workbench-export/1");
          const sessions = await (await fetch(`${server.url}/api/sessions`)).json();
          assert.deepEqual(
            exported.tables.sessions.map((s: { id: string }) => s.id).sort(),
            sessions.items.map((s: { session_id: string }) => s.session_id).sort(),
          );
          await data.click('.your-data button:has-text("Delete all your data")');
          const settings = (await data.locator(".popover.settings").boundingBox())!;
          await data.screenshot({ path: join(OUTPUT, "your-data-desktop.png"), clip: settings });
          await data.click('.your-data button:has-text("Delete everything")');
          await data.locator("text=Where did the time go?").waitFor();
          assert.deepEqual((await (await fetch(`${server.url}/api/sessions`)).json()).items, []);
          // The downloaded file brings the sessions back.
          await data.click('button[aria-label="Settings"]');
          await data.setInputFiles("#import-export", exportPath);
          const status = data.locator('.your-data [role="status"]', { hasText: "imported" });
          await status.waitFor();
          const count = exported.tables.sessions.length;
          assert.match((await status.textContent())!, new RegExp(`^${count} sessions? imported`));
          assert.equal((await (await fetch(`${server.url}/api/sessions`)).json()).items.length, count);
          await data.close();
        },
      );

      assert.deepEqual(errors, [], "no uncaught errors in the page");
    } finally {
      await browser.close();
    }
  },
});
