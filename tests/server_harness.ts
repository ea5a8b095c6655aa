/**
 * Shared set-up of the server tests: a fresh database per test in either
 * dialect, in-process servers, server subprocesses, uploads and waits.
 *
 * PostgreSQL: with `DATABASE_URL` set (as `.ci/run` does), each test gets
 * its own new database on that server, dropped afterwards; without it, a
 * throw-away cluster is started from the machine's PostgreSQL binaries
 * (`/usr/lib/postgresql/<version>/bin`) and removed afterwards. Only when
 * neither exists are the PostgreSQL variants skipped.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { configFromEnv } from "../kernel/server/config.ts";
import { type RunningServer, startServer } from "../kernel/server/server.ts";

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The shared sample sessions with truth files. */
export const SESSIONS_DIR = join(ROOT, "..", "shared", "data", "sessions");
/** The bundled demo session. */
export const DEMO_FILE = join(ROOT, "kernel", "cli", "demo", "barber-demo.csv");

/** A database for one test. */
export interface TestDatabase {
  /** `sqlite` or `postgres`. */
  dialect: "sqlite" | "postgres";
  /** Environment for a server using it (`DATA_DIR`, and `DATABASE_URL`: empty for SQLite). */
  env: Record<string, string>;
  /** Removes it. */
  [Symbol.asyncDispose](): Promise<void>;
}

function postgresBinDir(): string | null {
  try {
    const versions = [...Deno.readDirSync("/usr/lib/postgresql")].map((e) => e.name)
      .filter((v) => {
        try {
          return Deno.statSync(`/usr/lib/postgresql/${v}/bin/initdb`).isFile;
        } catch {
          return false;
        }
      })
      .sort((a, b) => Number(b) - Number(a));
    return versions.length > 0 ? `/usr/lib/postgresql/${versions[0]}/bin` : null;
  } catch {
    return null;
  }
}

/** Whether PostgreSQL tests can run here (a server URL or local binaries). */
export const POSTGRES_AVAILABLE = Boolean(Deno.env.get("DATABASE_URL")) || postgresBinDir() !== null;

/** The dialects to test, each with whether it must be skipped here. */
export const DIALECTS = [
  { dialect: "sqlite" as const, ignore: false },
  { dialect: "postgres" as const, ignore: !POSTGRES_AVAILABLE },
];

async function run(cmd: string, args: string[]): Promise<void> {
  const { code, stderr } = await new Deno.Command(cmd, { args, stdout: "null", stderr: "piped" }).output();
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${new TextDecoder().decode(stderr)}`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Starts a throw-away PostgreSQL cluster; returns its URL and the function that removes it. */
async function startCluster(): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = postgresBinDir()!;
  const dir = await Deno.makeTempDir({ prefix: "wb-pg-" });
  await Deno.chmod(dir, 0o755);
  const root = Deno.uid() === 0;
  if (root) await run("chown", ["postgres", dir]);
  const as = (
    command: string,
  ) => (root ? run("su", ["postgres", "-c", command]) : run("bash", ["-c", command]));
  const port = freePort();
  await as(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync`);
  await as(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w start -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off'`,
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await as(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`).catch(() => {});
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/** A new, empty database of the given dialect (and a data directory). Dispose of it with `await using`. */
export async function testDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabase> {
  const dataDir = await Deno.makeTempDir({ prefix: "wb-data-" });
  const removeDataDir = () => Deno.remove(dataDir, { recursive: true }).catch(() => {});
  if (dialect === "sqlite") {
    // DATABASE_URL set empty: a spawned server would otherwise inherit the caller's PostgreSQL URL.
    return { dialect, env: { DATA_DIR: dataDir, DATABASE_URL: "" }, [Symbol.asyncDispose]: removeDataDir };
  }
  const shared = Deno.env.get("DATABASE_URL");
  const cluster = shared ? null : await startCluster();
  const adminUrl = shared ?? cluster!.url;
  const name = `wb_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.href },
    async [Symbol.asyncDispose]() {
      if (cluster) {
        await cluster.stop();
      } else {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      }
      await removeDataDir();
    },
  };
}

/** Environment every test server gets: any free port, no demo session, quick job timing. */
export const TEST_ENV = {
  PORT: "0",
  WORKBENCH_DEMO: "0",
  JOB_POLL_MS: "50",
  JOB_RETRY_SECONDS: "0.05",
  ANTHROPIC_API_KEY: "", // a spawned server inherits the environment: tests never call the real API
};

/** Starts a server in this process on `db`. */
export function startTestServer(
  db: TestDatabase,
  env: Record<string, string> = {},
  pluginDirs: string[] = [],
): Promise<RunningServer & AsyncDisposable> {
  const config = configFromEnv({ ...TEST_ENV, ...db.env, ...env }, pluginDirs);
  return startServer(config, () => {}).then((server) => ({
    ...server,
    [Symbol.asyncDispose]: () => server.close(),
  }));
}

/** A server running as a child process (`deno task start`'s entry point). */
export interface ServerProcess extends AsyncDisposable {
  /** Base URL. */
  url: string;
  /** The process. */
  child: Deno.ChildProcess;
  /** Everything it printed so far. */
  output: string[];
  /** Kills it with `signal` and waits for it to exit. */
  kill(signal: Deno.Signal): Promise<void>;
}

/** Spawns `kernel/cli/start.ts` with `env` and waits until it listens. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "kernel", "cli", "start.ts")],
    env: { ...TEST_ENV, ...env, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output: string[] = [];
  const collect = async (stream: ReadableStream<Uint8Array>, onLine?: (line: string) => void) => {
    const decoder = new TextDecoder();
    let pending = "";
    for await (const chunk of stream) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        onLine?.(line);
      }
    }
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join("\n")}`)), 60_000);
    const done = collect(child.stdout, (line) => {
      const m = /listening on (http:\/\/\S+?)\/? /.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    collect(child.stderr);
    done.then(() => reject(new Error(`server exited:\n${output.join("\n")}`)));
  });
  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });
  const kill = async (signal: Deno.Signal) => {
    if (!exited) child.kill(signal);
    await status;
  };
  return { url, child, output, kill, [Symbol.asyncDispose]: () => kill("SIGKILL") };
}

/** A file to upload. */
export interface UploadFile {
  /** File name. */
  name: string;
  /** Bytes. */
  bytes: Uint8Array;
}

/** Uploads files in one multipart request. */
export function upload(baseUrl: string, files: readonly UploadFile[]): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  return fetch(`${baseUrl}/api/sessions/upload`, { method: "POST", body: form });
}

/** Sends `body` (when given) as JSON with `method`. */
export function sendJson(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** GETs JSON; throws with the body on an unexpected status. */
export async function getJson<T = Record<string, unknown>>(url: string, status = 200): Promise<T> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== status) throw new Error(`GET ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Waits until the session's status is one of `statuses` (polling every 50 ms); returns the session. */
export async function waitForStatus(
  baseUrl: string,
  id: string,
  statuses: readonly string[] = ["ready", "failed"],
  timeoutMs = 120_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const session = await getJson(`${baseUrl}/api/sessions/${id}`);
    if (statuses.includes(session.status as string)) return session;
    if (Date.now() > deadline) throw new Error(`session ${id} still ${session.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Reads a sample session file. */
export function sampleFile(name: string): Promise<UploadFile> {
  return Deno.readFile(join(SESSIONS_DIR, name)).then((bytes) => ({ name, bytes }));
}

/** One server-sent event. */
export interface ServerEvent {
  /** Event name. */
  event: string;
  /** Parsed JSON data. */
  data: Record<string, unknown>;
}

/** Reads a server-sent event stream until the server ends it (or `timeoutMs` passes). */
export async function readEvents(url: string, timeoutMs = 120_000): Promise<ServerEvent[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text.split("\n\n").filter((block) => block.includes("data:")).map((block) => {
    const field = (name: string) =>
      block.split("\n").find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
    return { event: field("event") ?? "message", data: JSON.parse(field("data") ?? "null") };
  });
}
