/**
 * The workbench's database schema as Kysely table types. One schema serves
 * SQLite and PostgreSQL (see `migrations.ts` for the column types). Times are
 * Unix milliseconds; JSON documents are stored as text; flags are 0/1
 * integers (SQLite has no boolean).
 *
 * @module
 */

import type { Generated, Insertable, Selectable } from "kysely";
import type { AccountsTables, UserAccountColumns } from "./accounts_schema.ts";
import type { CoachingTables } from "./coaching_schema.ts";
import type { PluginRecordsTables } from "./plugin_records_schema.ts";

/** What a session is doing. */
export type SessionStatus = "queued" | "processing" | "ready" | "failed";

/** What a job is doing. */
export type JobStatus = "queued" | "running" | "done" | "failed";

/** A person using the workbench: the local user, or one signed in through OpenID Connect. */
export interface UsersTable extends UserAccountColumns {
  /** Stable id. */
  id: string;
  /** Display name. */
  name: string;
  /** Unix ms. */
  created_at: number;
}

/** One uploaded logger file and the state of its analysis. */
export interface SessionsTable {
  /** Random UUID. */
  id: string;
  /** Owner; every query is scoped by it. */
  user_id: string;
  /** File name as uploaded (no directories). */
  file_name: string;
  /** SHA-256 of the original bytes, hex; unique per user (re-uploads return the existing session). */
  file_sha256: string;
  /** Size of the original file, bytes. */
  size_bytes: number;
  /** Format id of the file (`racechrono`, ...), known from the upload check. */
  format: string | null;
  /** Analysis state. */
  status: SessionStatus;
  /** Why the analysis failed, when `status` is `failed`. */
  error: string | null;
  /** Matched circuit, once analysed. */
  track_slug: string | null;
  /** Matched circuit's name. */
  track_name: string | null;
  /** When the session was driven (Unix ms) when the file says so. */
  driven_at: number | null;
  /** The session summary (laps, best lap, headline numbers) as JSON, once analysed. */
  summary_json: string | null;
  /** Plugin ids and versions of the last analysis; a different value means stale artifacts. */
  pipeline_signature: string | null;
  /** Assigned equipment profile. */
  equipment_profile_id: string | null;
  /** Unix ms. */
  created_at: number;
  /** Unix ms. */
  updated_at: number;
  /** When the last analysis finished, Unix ms. */
  analysed_at: number | null;
}

/** The original bytes of a session's file, stored before any analysis. */
export interface SessionFilesTable {
  /** The session. */
  session_id: string;
  /** File name as uploaded. */
  file_name: string;
  /** Bytes. */
  size_bytes: number;
  /** SHA-256, hex. */
  sha256: string;
  /** The file, byte for byte. */
  content: Uint8Array;
  /** Unix ms. */
  created_at: number;
}

/** One artifact of a session's analysis, encoded with `artifact_codec.ts`. */
export interface AnalysisArtifactsTable {
  /** The session. */
  session_id: string;
  /** Artifact key id, e.g. `"corners"`. */
  artifact_id: string;
  /** Plugin whose stage produced it. */
  plugin_id: string;
  /** That plugin's version. */
  plugin_version: string;
  /** The producing stage. */
  stage_id: string;
  /**
   * Hash of everything the value depends on: the producing plugin's id and
   * version, the stage id and the fingerprints of its inputs (down to the
   * file's hash and the format plugin). Unchanged fingerprint = reusable.
   */
  fingerprint: string;
  /** Encoded size, bytes. */
  size_bytes: number;
  /** Encoded value. */
  content: Uint8Array;
  /** Diagnostics the producing stage reported, JSON array. */
  diagnostics_json: string;
  /** Unix ms. */
  created_at: number;
}

/** A durable unit of background work (an analysis of one session). */
export interface JobsTable {
  /** Sequence number (claim order). */
  id: Generated<number>;
  /** The session to analyse. */
  session_id: string;
  /** What to do; `"analyze"`. */
  kind: string;
  /** State. */
  status: JobStatus;
  /** Claims so far (a crash or retry adds one). */
  attempts: number;
  /** Claims allowed before the job fails for good. */
  max_attempts: number;
  /** Not claimable before this, Unix ms (retry back-off). */
  run_after: number;
  /** Worker holding the claim. */
  claimed_by: string | null;
  /** Random token of the current claim; every write of the worker checks it (fencing). */
  claim_token: string | null;
  /** The claim lapses at this time unless renewed, Unix ms; then another worker may take it. */
  lease_until: number | null;
  /** Per-stage progress as JSON (see `jobs/progress.ts`). */
  progress_json: string | null;
  /** Last error. */
  error: string | null;
  /** Unix ms. */
  created_at: number;
  /** Unix ms. */
  updated_at: number;
  /** Unix ms, when done or failed. */
  finished_at: number | null;
}

/** A named car/tyre/brake set-up of a user. */
export interface EquipmentProfilesTable {
  /** Random UUID. */
  id: string;
  /** Owner. */
  user_id: string;
  /** Name, unique per user. */
  name: string;
  /** The profile's details as JSON (vehicle, tyres, brakes, notes). */
  profile_json: string;
  /** 1 for the user's default profile. */
  is_default: number;
  /** Unix ms. */
  created_at: number;
  /** Unix ms. */
  updated_at: number;
}

/** A circuit sessions were matched to. */
export interface TracksTable {
  /** Circuit slug. */
  slug: string;
  /** Display name. */
  name: string;
  /** Length of the reference line, m. */
  length_m: number;
  /** Unix ms, first session matched to it. */
  created_at: number;
}

/** The user's own tags of one lap (automatic tags are an artifact). */
export interface LapTagsTable {
  /** The session. */
  session_id: string;
  /** Lap number. */
  lap_number: number;
  /** Tags, JSON array of strings. */
  tags_json: string;
  /** Unix ms. */
  updated_at: number;
}

/** Every table (the coaching service's are in `coaching_schema.ts`). */
export interface WorkbenchDatabase extends CoachingTables, PluginRecordsTables, AccountsTables {
  users: UsersTable;
  sessions: SessionsTable;
  session_files: SessionFilesTable;
  analysis_artifacts: AnalysisArtifactsTable;
  jobs: JobsTable;
  equipment_profiles: EquipmentProfilesTable;
  tracks: TracksTable;
  lap_tags: LapTagsTable;
}

/** A session row. */
export type SessionRow = Selectable<SessionsTable>;
/** A job row. */
export type JobRow = Selectable<JobsTable>;
/** A new job. */
export type NewJob = Insertable<JobsTable>;
/** An equipment profile row. */
export type EquipmentProfileRow = Selectable<EquipmentProfilesTable>;
