/**
 * `deno task bench:server`: speed of the workbench server, run as its own
 * process on loopback. For the shared 8-lap session and the 2-hour session
 * of `deno task bench` it measures, from the start of the upload request:
 * the upload's answer, the `ready` event on the session's event stream, and
 * the first analysis answers (laps and corners). Then it measures requests
 * per second of a cached analysis GET (`/corners`) with 32 clients.
 * SQLite in a temporary directory; also PostgreSQL when `BENCH_DATABASE_URL`
 * names a database the benchmark may fill with sessions (it deletes all
 * but the last of each file).
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FILES = [
  { path: join(ROOT, "..", "shared", "data", "sessions", "barber-8laps.csv"), runs: 5 },
  { path: join(ROOT, "bench-data", "barber-2h.csv"), runs: 3 },
];
const CLIENTS = 32;
const LOAD_SECONDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Starts the server (`kernel/cli/start.ts`) with `env`; resolves with its URL and a stop function. */
async function startServer(env: Record<string, string>) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "kernel", "cli", "start.ts")],
    env: { ...env, PORT: "0", WORKBENCH_DEMO: "0", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the server exited before listening:\n${seen}`);
    seen += value;
    const url = /listening on (http:\/\/\S+?)\/? /.exec(seen)?.[1];
    if (url) {
      (async () => {
        while (!(await reader.read()).done);
      })(); // keep draining its output
      return {
        url,
        cpuSeconds: () => processCpuSeconds(child.pid),
        stop: async () => {
          child.kill("SIGTERM");
          await child.status;
        },
      };
    }
  }
}

/**
 * CPU time the process has used, s (user + system, from `/proc`; NaN where
 * that is unavailable). Unlike wall-clock time it does not grow when other
 * programs load the machine.
 */
function processCpuSeconds(pid: number): number {
  try {
    const fields = Deno.readTextFileSync(`/proc/${pid}/stat`).split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Waits for the `ready` (or `failed`) status on the session's event stream. */
async function waitReady(url: string, id: string): Promise<string> {
  const text = await (await fetch(`${url}/api/sessions/${id}/events`)).text();
  const statuses = [...text.matchAll(/event: status\ndata: (.*)/g)].map((m) => JSON.parse(m[1]).status);
  return statuses.at(-1) ?? "?";
}

async function benchUpload(url: string, cpuSeconds: () => number, path: string, runs: number) {
  const original = await Deno.readFile(path);
  const answered: number[] = [], ready: number[] = [], readable: number[] = [], cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const bytes = new Uint8Array(original.length + run + 1); // unique bytes: a new session each run
    bytes.set(original);
    bytes.fill(0x0a, original.length);
    const form = new FormData();
    form.append("files", new File([bytes], path.split("/").pop()!));
    const cpu0 = cpuSeconds();
    const t0 = performance.now();
    const response = await fetch(`${url}/api/sessions/upload`, { method: "POST", body: form });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(body)}`);
    const id = body.session_ids[0];
    answered.push(performance.now() - t0);
    const status = await waitReady(url, id);
    if (status !== "ready") throw new Error(`session ${id} ended ${status}`);
    ready.push(performance.now() - t0);
    await Promise.all(
      ["laps", "corners"].map((p) => fetch(`${url}/api/sessions/${id}/${p}`).then((r) => r.arrayBuffer())),
    );
    readable.push(performance.now() - t0);
    cpu.push((cpuSeconds() - cpu0) * 1000);
    if (run < runs - 1) await (await fetch(`${url}/api/sessions/${id}`, { method: "DELETE" })).body?.cancel();
  }
  const mb = (original.length / 1e6).toFixed(1);
  console.log(
    `${path.split("/").pop()} (${mb} MB): upload answered ${seconds(median(answered))}, analysed ${
      seconds(median(ready))
    }, laps + corners read ${seconds(median(readable))} after the upload started; server CPU ${
      seconds(median(cpu))
    } (median of ${runs})`,
  );
  return (await (await fetch(`${url}/api/sessions?limit=1`)).json()).items[0].session_id as string;
}

async function benchGets(url: string, cpuSeconds: () => number, id: string) {
  const target = `${url}/api/sessions/${id}/corners`;
  const latencies: number[] = [];
  const cpu0 = cpuSeconds();
  const end = performance.now() + LOAD_SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const response = await fetch(target, { headers: { "accept-encoding": "gzip" } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${target}: ${response.status}`);
      latencies.push(performance.now() - t);
    }
  }));
  const cpuMs = ((cpuSeconds() - cpu0) * 1000) / latencies.length;
  const rate = (latencies.length / LOAD_SECONDS).toFixed(0);
  const p50 = median(latencies).toFixed(1), p99 = quantile(latencies, 0.99).toFixed(1);
  console.log(
    `GET /api/sessions/{id}/corners (cached, gzip): ${rate} requests/s, p50 ${p50} ms, p99 ${p99} ms ` +
      `(${CLIENTS} clients, ${LOAD_SECONDS} s); server CPU ${cpuMs.toFixed(2)} ms per request`,
  );
}

if (import.meta.main) {
  for (const { path } of FILES) {
    try {
      await Deno.stat(path);
    } catch {
      console.error(`missing ${path}: run \`deno task bench\` once to generate the 2-hour session`);
      Deno.exit(2);
    }
  }
  const dataDir = await Deno.makeTempDir({ prefix: "wb-bench-" });
  const targets: [string, Record<string, string>][] = [["SQLite", { DATA_DIR: dataDir, DATABASE_URL: "" }]];
  const pgUrl = Deno.env.get("BENCH_DATABASE_URL");
  if (pgUrl) targets.push(["PostgreSQL", { DATA_DIR: dataDir, DATABASE_URL: pgUrl }]);
  try {
    for (const [name, env] of targets) {
      console.log(`\n${name}:`);
      const server = await startServer(env);
      try {
        let id = "";
        for (const { path, runs } of FILES) {
          id = (await benchUpload(server.url, server.cpuSeconds, path, runs)) || id;
        }
        await benchGets(server.url, server.cpuSeconds, id);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
}
