/**
 * Hands just-uploaded files to this process's worker in memory, so the
 * analysis does not read back from the database the bytes it was sent a
 * moment ago (on PostgreSQL that read costs more than the analysis of an
 * 8-lap session). The database copy stays the source of truth: a job run by
 * another process, or after a restart, reads it from there. Holds at most
 * {@linkcode MAX_HELD_BYTES}; older files are dropped first.
 *
 * @module
 */

/** Memory the hand-off may hold, bytes. */
const MAX_HELD_BYTES = 256 * 1024 * 1024;

/** A file as stored for a session. */
export interface HandedFile {
  /** File name as uploaded. */
  file_name: string;
  /** SHA-256, hex. */
  sha256: string;
  /** The bytes. */
  content: Uint8Array;
}

/** Files waiting for this process's worker, by session id. */
export interface FileHandoff {
  /** Offers a stored session's file. */
  offer(sessionId: string, file: HandedFile): void;
  /** Takes the file of a session, if it is still held. */
  take(sessionId: string): HandedFile | undefined;
}

/** Creates an empty hand-off. */
export function createFileHandoff(): FileHandoff {
  const held = new Map<string, HandedFile>();
  let bytes = 0;
  return {
    offer(sessionId, file) {
      held.set(sessionId, file);
      bytes += file.content.length;
      for (const [id, f] of held) {
        if (bytes <= MAX_HELD_BYTES) break;
        held.delete(id);
        bytes -= f.content.length;
      }
    },
    take(sessionId) {
      const file = held.get(sessionId);
      if (file) {
        held.delete(sessionId);
        bytes -= file.content.length;
      }
      return file;
    },
  };
}
