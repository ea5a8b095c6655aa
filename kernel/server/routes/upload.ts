/**
 * `POST /api/sessions/upload`: one or more files in multipart `files`
 * fields. Every file is checked first; if any is refused, nothing is stored
 * and the answer lists each file's problem. Otherwise each file becomes a
 * session with a queued analysis (or returns the caller's existing session
 * for the same bytes).
 *
 * @module
 */

import type { ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { jsonResponse } from "../json.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import {
  type AcceptedFile,
  checkFile,
  cleanFileName,
  type IncomingFile,
  isRejected,
  readUploadParts,
  storeFiles,
} from "../upload.ts";

/** Form fields that carry files (`files`, as in the original; `files[]` and `file` are accepted too). */
const FILE_FIELDS = ["files", "files[]", "file"];

/** Files per request, at most. */
const MAX_FILES = 20;

/** The upload route. */
export function uploadRoute(ctx: ServerContext): AnyApiRoute {
  return defineApiRoute({
    method: "POST",
    path: "/api/sessions/upload",
    summary: "Uploads logger files (multipart, one or more `files` fields) → `{session_ids, files}`",
    tag: "sessions",
    body: "multipart",
    responses: {
      201: "at least one new session; `files[].status` is `created` or `duplicate`",
      200: "every file was already uploaded",
      400: "not a multipart request, malformed multipart, or no files",
      413: "a file or the request is too large",
      415: "not multipart/form-data",
      422:
        "a file is empty, of an unknown format, or unreadable (truncated, no data rows); nothing was stored",
    },
    async handler({ c, userId }) {
      if (!/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "")) {
        throw new ApiError(
          415,
          "unsupported_media_type",
          "Upload files as multipart/form-data in `files` fields",
        );
      }
      const entries = (await readUploadParts(c.req.raw)).filter((p) => FILE_FIELDS.includes(p.name));
      if (entries.length === 0) {
        throw new ApiError(400, "no_files", "Add one or more files in `files` fields");
      }
      if (entries.length > MAX_FILES) {
        throw new ApiError(
          400,
          "too_many_files",
          `At most ${MAX_FILES} files per upload, got ${entries.length}`,
        );
      }
      if (entries.some((p) => p.filename === null)) {
        throw new ApiError(400, "not_a_file", "Each `files` field must be a file, not a text value");
      }
      const files: IncomingFile[] = entries.map((p) => ({ name: cleanFileName(p.filename!), bytes: p.data }));
      const checked = await Promise.all(files.map((f) => checkFile(ctx, f)));
      const rejected = checked.filter(isRejected);
      if (rejected.length > 0) {
        const first = rejected[0];
        const message = files.length === 1
          ? first.message
          : `${rejected.length} of ${files.length} files were refused, so none was stored: ${first.message}`;
        throw new ApiError(first.status, first.code, message, {
          files: checked.map((r) =>
            isRejected(r)
              ? { file: r.file, status: "rejected", code: r.code, message: r.message, problems: r.problems }
              : { file: r.name, status: "accepted" }
          ),
        });
      }
      const stored = await storeFiles(ctx, userId, checked as AcceptedFile[]);
      const created = stored.filter((s) => s.status === "created").length;
      return jsonResponse(
        {
          session_ids: stored.map((s) => s.session_id),
          files: stored,
          message: `${created} new session${created === 1 ? "" : "s"}, ${
            stored.length - created
          } already uploaded`,
        },
        created > 0 ? 201 : 200,
      );
    },
  });
}
