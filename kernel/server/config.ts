/**
 * Server configuration from the environment, checked once at start so a
 * typo fails with a clear message instead of a strange behaviour later.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `PORT` | 8000 | port on `HOST` (0 picks a free one) |
 * | `HOST` | 127.0.0.1 | interface to listen on |
 * | `DATA_DIR` | `./data` | where the SQLite file lives |
 * | `DATABASE_URL` | unset | `postgres://…` to use PostgreSQL instead of SQLite |
 * | `MAX_UPLOAD_MB` | 100 | largest accepted file; a request may carry twice that |
 * | `WORKBENCH_DEMO` | 1 | `0`: do not import the demo session into a new database |
 * | `JOB_LEASE_SECONDS` | 30 | a crashed worker's job is picked up again after this |
 * | `JOB_POLL_MS` | 500 | how often an idle worker looks for jobs queued by other processes |
 * | `JOB_MAX_ATTEMPTS` | 5 | claims before a crashing job fails for good |
 * | `JOB_RETRY_SECONDS` | 2 | first retry delay (doubles per attempt, at most 5 minutes) |
 * | `COACHING_DAILY_BUDGET_USD` | 1 | most a user's coaching model calls may cost per UTC day (a user may set their own) |
 * | `ANTHROPIC_API_KEY`, `COACHING_MODEL`, `ANTHROPIC_BASE_URL` | unset | read by the coach plugin: no key = offline coach |
 * | `GOOGLE_CLIENT_ID` | unset | OAuth client id: enables sign-in; unset = local single-user mode |
 * | `GOOGLE_CLIENT_SECRET` | unset | its secret (required with `GOOGLE_CLIENT_ID`) |
 * | `PUBLIC_URL` | unset | where browsers reach the workbench, e.g. `https://laps.example.com` (required with `GOOGLE_CLIENT_ID`; https makes cookies `Secure`) |
 * | `OIDC_ISSUER` | `https://accounts.google.com` | the OpenID Connect issuer users sign in at (plain http only on 127.0.0.1) |
 *
 * @module
 */

import { type AuthConfig, authConfigFromEnv } from "../auth/auth_config.ts";
import { type DatabaseLocation, databaseLocation } from "../storage/database.ts";
import type { WorkerOptions } from "../jobs/worker.ts";
import type { CoachingConfig } from "../jobs/coaching_job.ts";

/** Everything the server needs to know. */
export interface ServerConfig {
  /** Interface to listen on. */
  host: string;
  /** Port (0 = any free port). */
  port: number;
  /** Data directory. */
  dataDir: string;
  /** The database. */
  database: DatabaseLocation;
  /** Largest accepted file, bytes. */
  maxFileBytes: number;
  /** Largest accepted request body on any API route (core or plugin), bytes. */
  maxRequestBytes: number;
  /** Import the demo session into a new, empty database. */
  importDemo: boolean;
  /** Claims before a job fails for good. */
  maxJobAttempts: number;
  /** Worker timing. */
  worker: WorkerOptions;
  /** Extra plugin folders. */
  pluginDirs: string[];
  /** Coaching; absent = offline coach, default budget. */
  coaching?: CoachingConfig;
  /** Sign-in through OpenID Connect, or null: local single-user mode. */
  auth: AuthConfig | null;
}

const MB = 1024 * 1024;

/** Reads the configuration from `env`; throws with the variable's name on a bad value. */
export function configFromEnv(
  env: Record<string, string | undefined>,
  pluginDirs: string[] = [],
): ServerConfig {
  const number = (name: string, fallback: number, min: number, max: number, integer = true): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new Error(
        `${name} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}, got "${raw}"`,
      );
    }
    return value;
  };
  const dataDir = env.DATA_DIR || "./data";
  const maxFileBytes = Math.round(number("MAX_UPLOAD_MB", 100, 0.001, 4096, false) * MB);
  const demo = env.WORKBENCH_DEMO ?? "1";
  if (demo !== "0" && demo !== "1") throw new Error(`WORKBENCH_DEMO must be 0 or 1, got "${demo}"`);
  const leaseMs = number("JOB_LEASE_SECONDS", 30, 0.2, 3600, false) * 1000;
  return {
    host: env.HOST || "127.0.0.1",
    port: number("PORT", 8000, 0, 65535),
    dataDir,
    database: databaseLocation(env.DATABASE_URL, dataDir),
    maxFileBytes,
    maxRequestBytes: 2 * maxFileBytes + MB,
    importDemo: demo === "1",
    maxJobAttempts: number("JOB_MAX_ATTEMPTS", 5, 1, 100),
    worker: {
      leaseMs,
      pollMs: number("JOB_POLL_MS", 500, 10, 60_000),
      retryBaseMs: number("JOB_RETRY_SECONDS", 2, 0, 3600, false) * 1000,
      retryMaxMs: 5 * 60 * 1000,
    },
    pluginDirs,
    coaching: {
      dailyBudgetUsd: number("COACHING_DAILY_BUDGET_USD", 1, 0, 1000, false),
      maxAttempts: 3,
      env: (name) => env[name],
    },
    auth: authConfigFromEnv(env),
  };
}
