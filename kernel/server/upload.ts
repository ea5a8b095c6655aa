/**
 * Accepting uploaded files. Each file is checked before anything is stored:
 * not empty, not too large, a known format, and readable by its format
 * plugin (so a truncated or garbled file is refused with the line and
 * column of the problem instead of becoming a failed session). Accepted
 * files are stored with their hash and an analysis job in one transaction
 * per file: a file is either stored with its job or not at all. A file the
 * user already uploaded returns the existing session.
 *
 * @module
 */

import { createHash } from "node:crypto";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Diagnostic } from "../../sdk/mod.ts";
import { enqueueAnalysis } from "../jobs/queue.ts";
import { assignProfile, defaultProfile } from "../storage/equipment.ts";
import { parseFile } from "../parse.ts";
import { findSessionByHash, insertSession } from "../storage/sessions.ts";
import type { ServerContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import { multipartBoundary, MultipartError, type MultipartPart, readMultipart } from "./multipart.ts";

/** A file as received. */
export interface IncomingFile {
  /** File name as uploaded (no directories). */
  name: string;
  /** Its bytes. */
  bytes: Uint8Array;
}

/** A file that passed the checks. */
export interface AcceptedFile extends IncomingFile {
  /** Format id. */
  format: string;
  /** SHA-256, hex. */
  sha256: string;
}

/** Why a file was refused. */
export interface RejectedFile {
  /** File name. */
  file: string;
  /** HTTP status this problem maps to. */
  status: ContentfulStatusCode;
  /** Machine-readable kind. */
  code: "empty_file" | "file_too_large" | "unsupported_format" | "unreadable_file";
  /** One sentence for the driver. */
  message: string;
  /** The format's diagnostics with file, line and column, when it could not read the file. */
  problems: Diagnostic[];
}

/** The outcome of storing one file. */
export interface StoredFile {
  /** File name. */
  file: string;
  /** The session (new, or the existing one for a duplicate). */
  session_id: string;
  /** `created`, or `duplicate` when the user already uploaded these bytes. */
  status: "created" | "duplicate";
}

/** Problems of one file shown to the caller, at most. */
const MAX_PROBLEMS = 10;

/** The parts of a multipart request, or a 400 saying what is wrong with the body. */
export async function readUploadParts(request: Request): Promise<MultipartPart[]> {
  const boundary = multipartBoundary(request.headers.get("content-type") ?? "");
  const malformed = (why: string) => new ApiError(400, "malformed_multipart", `The multipart body ${why}`);
  if (!boundary) throw malformed("has no boundary in its Content-Type");
  try {
    return readMultipart(new Uint8Array(await request.arrayBuffer()), boundary);
  } catch (error) {
    if (error instanceof MultipartError) throw malformed(error.message);
    throw error;
  }
}

/** Checks one file; parses it once to make sure its format plugin can read it. */
export async function checkFile(
  ctx: ServerContext,
  file: IncomingFile,
): Promise<AcceptedFile | RejectedFile> {
  const reject = (
    status: ContentfulStatusCode,
    code: RejectedFile["code"],
    message: string,
    problems = [],
  ) => ({
    file: file.name,
    status,
    code,
    message,
    problems,
  });
  if (file.bytes.length === 0) return reject(422, "empty_file", `${file.name} is empty (0 bytes)`);
  if (file.bytes.length > ctx.config.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return reject(
      413,
      "file_too_large",
      `${file.name} is ${mb(file.bytes.length)} MB; the limit is ${mb(ctx.config.maxFileBytes)} MB per file`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  const parsed = await parseFile(
    ctx.registry.formats(),
    file.name,
    file.bytes,
    ctx.settings,
    new AbortController().signal,
    (d) => diagnostics.push(d),
  );
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!parsed.format) {
    return {
      ...reject(
        422,
        "unsupported_format",
        errors[0]?.message ?? `${file.name} is not a supported logger file`,
      ),
      problems: errors.slice(0, MAX_PROBLEMS),
    };
  }
  if (!parsed.session) {
    const first = errors[0];
    const where = first?.line ? ` (line ${first.line}${first.column ? `, column ${first.column}` : ""})` : "";
    return {
      ...reject(
        422,
        "unreadable_file",
        `${file.name} cannot be read: ${first?.message ?? "no usable data"}${where}`,
      ),
      problems: errors.slice(0, MAX_PROBLEMS),
    };
  }
  return { ...file, format: parsed.format, sha256: createHash("sha256").update(file.bytes).digest("hex") };
}

/** Whether a check result is a rejection. */
export function isRejected(result: AcceptedFile | RejectedFile): result is RejectedFile {
  return "code" in result;
}

/**
 * Stores accepted files, each with the user's default equipment profile (if
 * any) and its analysis job, and wakes the worker.
 */
export async function storeFiles(
  ctx: ServerContext,
  userId: string,
  files: readonly AcceptedFile[],
): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const file of files) {
    stored.push(
      await ctx.storage.db.transaction().execute(async (trx): Promise<StoredFile> => {
        const id = await insertSession(trx, {
          userId,
          fileName: file.name,
          sha256: file.sha256,
          bytes: file.bytes,
          format: file.format,
        });
        if (id) {
          const preset = await defaultProfile(trx, userId);
          if (preset) await assignProfile(trx, userId, id, preset.id);
          await enqueueAnalysis(trx, id, ctx.config.maxJobAttempts);
          return { file: file.name, session_id: id, status: "created" };
        }
        const existing = await findSessionByHash(trx, userId, file.sha256);
        if (!existing) throw new Error(`session with hash ${file.sha256} vanished during upload`);
        return { file: file.name, session_id: existing, status: "duplicate" };
      }),
    );
  }
  for (const [i, s] of stored.entries()) {
    if (s.status !== "created") continue;
    ctx.handoff.offer(s.session_id, {
      file_name: files[i].name,
      sha256: files[i].sha256,
      content: files[i].bytes,
    });
  }
  if (stored.some((s) => s.status === "created")) ctx.wakeWorker();
  return stored;
}

/** A file name without directories or control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  // deno-lint-ignore no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "upload").slice(0, 200);
}
