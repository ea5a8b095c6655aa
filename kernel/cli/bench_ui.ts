/**
 * `deno task bench:ui`: how fast the Dashboard draws, measured in headless
 * Chromium against the real server (SQLite in a temporary directory), for
 * the shared 8-lap Barber session and the 2-hour session of `bench-data/`.
 *
 * For each session: time from navigation start to the last Dashboard chart
 * drawn (the page's own clock), once right after the upload (the server has
 * just analysed it) and then over fresh browser contexts (nothing cached in
 * the browser; the server's artifact cache warm), with the page's
 * main-thread busy time and the CPU time of Chromium and of the server beside
 * the wall time (on a loaded machine the wall time mostly measures waiting
 * for a CPU), and reloads of an open tab (a returning visitor). Then the cost of the
 * shared cursor on the 2-hour session: a pointer sweep over the speed chart,
 * one move per animation frame, with the time from each move to every
 * cursor overlay updated and the frame intervals. Aims: 8-lap under 1 s,
 * 2-hour under 2 s, cursor frames within 16.7 ms (60 fps).
 *
 * @module
 */

import { basename } from "node:path";
import type { Browser, Page } from "playwright-core";
import { configFromEnv } from "../server/config.ts";
import { type RunningServer, startServer } from "../server/server.ts";
import { launchChromium, VIEWPORTS, waitForView } from "../testing/chromium.ts";
import { benchSession } from "./bench.ts";

const SHARED_SESSION = new URL("../../../shared/data/sessions/barber-8laps.csv", import.meta.url);
const WARM_RUNS = 5;
const SWEEP_MOVES = 120;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** Uploads a file and waits until its analysis is done; returns the session id. */
async function uploadAndWait(server: RunningServer, path: string): Promise<string> {
  const form = new FormData();
  form.append("files", new File([await Deno.readFile(path)], basename(path)));
  const response = await fetch(`${server.url}/api/sessions/upload`, { method: "POST", body: form });
  const body = await response.json();
  if (!response.ok) throw new Error(`upload of ${path} failed: ${JSON.stringify(body)}`);
  const id: string = body.session_ids[0];
  while (true) {
    const session = await (await fetch(`${server.url}/api/sessions/${id}`)).json();
    if (session.status === "ready") return id;
    if (session.status === "failed") throw new Error(`analysis of ${path} failed: ${session.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** CPU time, ms, used so far by this process (the server) and by all its descendants (Chromium), from /proc. */
function cpuMs(): { self: number; children: number } {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry.name), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while being read
    }
  }
  const tickMs = 10; // USER_HZ is 100 on Linux
  let children = 0;
  for (const [pid, s] of stats) {
    for (let p = s.ppid, hops = 0; p > 1 && hops < 10; p = stats.get(p)?.ppid ?? 0, hops++) {
      if (p === Deno.pid && pid !== Deno.pid) {
        children += s.ticks * tickMs;
        break;
      }
    }
  }
  return { self: (stats.get(Deno.pid)?.ticks ?? 0) * tickMs, children };
}

/** One Dashboard load: wall time to fully drawn, and the page's main-thread busy time, ms. */
interface Load {
  /** Navigation start → every chart drawn (the page's clock). */
  wallMs: number;
  /** Time the page's main thread was busy (tasks: script, style, layout, paint), whatever the machine's load. */
  busyMs: number;
  /** Of which running JavaScript. */
  scriptMs: number;
  /** CPU time of every Chromium process (renderer, GPU rasteriser, network...) during the load. */
  browserCpuMs: number;
  /** CPU time of this process (the server, and the test driver) during the load. */
  serverCpuMs: number;
}

/** Loads the Dashboard in a fresh browser context (nothing cached in the browser). */
async function dashboardLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const before = cpuMs();
  await page.goto(url);
  await waitForView(page, "dashboard", 120_000);
  const wallMs = await page.evaluate(() => performance.now());
  const after = cpuMs();
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  await context.close();
  return {
    wallMs,
    busyMs: metric("TaskDuration"),
    scriptMs: metric("ScriptDuration"),
    browserCpuMs: after.children - before.children,
    serverCpuMs: after.self - before.self,
  };
}

/** Median time, ms, to draw the Dashboard again on reloading an open tab (browser cache and compiled code warm). */
async function reloadTime(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  await page.goto(url);
  await waitForView(page, "dashboard", 120_000);
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    await page.reload();
    await waitForView(page, "dashboard", 120_000);
    times.push(await page.evaluate(() => performance.now()));
  }
  await page.close();
  return median(times);
}

/** Sweeps the pointer over the speed chart, one move per frame; returns update costs and frame intervals, ms. */
async function cursorSweep(page: Page): Promise<{ update: number[]; frame: number[] }> {
  return await page.evaluate(async (moves) => {
    const host = document.querySelector<HTMLElement>('[data-contribution="speed-trace"] .chart-host')!;
    const svg = host.querySelector(".plot-area svg:last-of-type")!.getBoundingClientRect();
    const overlays = [...document.querySelectorAll<HTMLElement>(".cursor-line, .cursor-dot")];
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const update: number[] = [], frame: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < moves; i++) {
      const before = overlays.map((o) => o.style.transform);
      const x = svg.left + 40 + ((svg.width - 80) * i) / (moves - 1);
      const t0 = performance.now();
      host.dispatchEvent(
        new PointerEvent("pointermove", { clientX: x, clientY: svg.top + svg.height / 2, bubbles: true }),
      );
      const now = await nextFrame();
      // The store notifies in this frame's callbacks; the overlays have moved once it returns.
      if (overlays.every((o, k) => o.style.transform !== before[k] || o.style.display === "none")) {
        update.push(performance.now() - t0);
      }
      frame.push(now - last);
      last = now;
    }
    return { update, frame };
  }, SWEEP_MOVES);
}

if (import.meta.main) {
  const dataDir = await Deno.makeTempDir({ prefix: "wb-bench-ui-" });
  const server = await startServer(
    configFromEnv({ DATA_DIR: dataDir, PORT: "0", WORKBENCH_DEMO: "0" }),
    () => {},
  );
  const browser = await launchChromium();
  try {
    const sessions = [
      {
        label: "8-lap session (barber-8laps.csv)",
        file: decodeURIComponent(SHARED_SESSION.pathname),
        aimMs: 1000,
      },
      { label: "2-hour session (bench-data/barber-2h.csv)", file: await benchSession(), aimMs: 2000 },
    ];
    await fetch(`${server.url}/`).then((r) => r.arrayBuffer()); // bundle the UI once, as the first visitor would
    console.log(
      `Dashboard first render in Chromium (navigation start → every chart drawn), ${Deno.build.os}:`,
    );
    let twoHourUrl = "";
    for (const s of sessions) {
      const t0 = performance.now();
      const id = await uploadAndWait(server, s.file);
      const analysedS = (performance.now() - t0) / 1000;
      const url = `${server.url}/?s=${id}`;
      twoHourUrl = url;
      const first = await dashboardLoad(browser, url);
      const warm: Load[] = [];
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await dashboardLoad(browser, url));
      const wall = warm.map((l) => l.wallMs);
      const verdict = median(wall) <= s.aimMs ? "within" : "OVER";
      console.log(
        `  ${s.label}: upload + analysis ${analysedS.toFixed(2)} s; first view ${
          first.wallMs.toFixed(0)
        } ms; ` +
          `fresh browser median ${median(wall).toFixed(0)} ms (min ${Math.min(...wall).toFixed(0)}, max ${
            Math.max(...wall).toFixed(0)
          }) — ${verdict} the ${s.aimMs} ms aim; main thread busy median ${
            median(warm.map((l) => l.busyMs)).toFixed(0)
          } ms (JavaScript ${median(warm.map((l) => l.scriptMs)).toFixed(0)} ms); CPU used: Chromium ${
            median(warm.map((l) => l.browserCpuMs)).toFixed(0)
          } ms, server ${
            median(warm.map((l) => l.serverCpuMs)).toFixed(0)
          } ms; reload of an open tab median ${(await reloadTime(browser, url)).toFixed(0)} ms`,
      );
    }
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(twoHourUrl);
    await waitForView(page, "dashboard", 120_000);
    const { update, frame } = await cursorSweep(page);
    console.log(
      `Shared cursor, 2-hour session, ${SWEEP_MOVES} pointer moves over the speed chart: ` +
        `move → all overlays updated median ${median(update).toFixed(1)} ms, p95 ${
          percentile(update, 0.95).toFixed(1)
        } ms; ` +
        `frame interval median ${median(frame).toFixed(1)} ms, p95 ${
          percentile(frame, 0.95).toFixed(1)
        } ms ` +
        `(${update.length}/${SWEEP_MOVES} moves updated every overlay)`,
    );
    console.log(
      `Load average while measuring: ${
        Deno.loadavg().map((l) => l.toFixed(1)).join(", ")
      } on ${navigator.hardwareConcurrency} CPUs`,
    );
  } finally {
    await browser.close();
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
  }
}
