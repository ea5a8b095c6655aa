/**
 * Reads stored artifacts for the API, with an in-process cache of decoded
 * values. The cache is keyed by session, artifact and fingerprint and every
 * read first asks the database for the current fingerprint, so a process
 * never serves a value another process has since replaced. The parsed
 * session itself is not stored (it is re-derived from the original file and
 * the format plugin), so it is parsed on demand and cached the same way.
 *
 * @module
 */

import { type ArtifactKey, type ArtifactReader, type RunSettings, SessionKey } from "../../sdk/mod.ts";
import { parseFile } from "../parse.ts";
import type { Registry } from "../registry.ts";
import { decodeArtifact } from "../storage/artifact_codec.ts";
import { artifactFingerprint, readArtifactContent } from "../storage/artifacts.ts";
import type { Storage } from "../storage/database.ts";
import { readSessionFile } from "../storage/sessions.ts";

/** An artifact value with the fingerprint it was stored under (usable as an ETag). */
export interface LoadedArtifact {
  /** The decoded value. */
  value: unknown;
  /** Fingerprint of its inputs. */
  fingerprint: string;
}

/** Loads artifacts of the caller's sessions. */
export interface ArtifactLoader {
  /** The artifact, or undefined when the session (of this user) has none under that id. */
  load(userId: string, sessionId: string, artifactId: string): Promise<LoadedArtifact | undefined>;
  /** An SDK {@linkcode ArtifactReader} over one session (for plugin routes). */
  reader(userId: string, sessionId: string): ArtifactReader;
}

interface CacheEntry {
  fingerprint: string;
  value: unknown;
  bytes: number;
}

/**
 * Creates a loader whose cache holds at most `cacheBytes` of encoded
 * artifacts; a session is re-parsed from its stored file with `settings`.
 */
export function createArtifactLoader(
  storage: Storage,
  registry: Registry,
  settings: RunSettings,
  cacheBytes: number,
): ArtifactLoader {
  const cache = new Map<string, CacheEntry>();
  let cachedBytes = 0;
  const remember = (key: string, entry: CacheEntry) => {
    const old = cache.get(key);
    if (old) cachedBytes -= old.bytes;
    cache.set(key, entry);
    cachedBytes += entry.bytes;
    for (const [k, e] of cache) {
      if (cachedBytes <= cacheBytes || k === key) break;
      cache.delete(k);
      cachedBytes -= e.bytes;
    }
  };
  const hit = (key: string, fingerprint: string): CacheEntry | undefined => {
    const entry = cache.get(key);
    if (!entry || entry.fingerprint !== fingerprint) return undefined;
    cache.delete(key); // move to the most recently used end
    cache.set(key, entry);
    return entry;
  };

  async function loadSession(userId: string, sessionId: string): Promise<LoadedArtifact | undefined> {
    const owned = await storage.db.selectFrom("sessions").select("file_sha256")
      .where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
    if (!owned) return undefined;
    const key = `${sessionId}/${SessionKey.id}`;
    const cached = hit(key, owned.file_sha256);
    if (cached) return { value: cached.value, fingerprint: cached.fingerprint };
    const file = await readSessionFile(storage.db, sessionId);
    if (!file) return undefined;
    const parsed = await parseFile(
      registry.formats(),
      file.file_name,
      file.content,
      settings,
      new AbortController().signal,
      () => {},
    );
    if (!parsed.session) return undefined;
    remember(key, { fingerprint: file.sha256, value: parsed.session, bytes: file.content.length * 3 });
    return { value: parsed.session, fingerprint: file.sha256 };
  }

  async function load(userId: string, sessionId: string, artifactId: string) {
    if (artifactId === SessionKey.id) return await loadSession(userId, sessionId);
    const fingerprint = await artifactFingerprint(storage.db, userId, sessionId, artifactId);
    if (fingerprint === undefined) return undefined;
    const key = `${sessionId}/${artifactId}`;
    const cached = hit(key, fingerprint);
    if (cached) return { value: cached.value, fingerprint };
    const row = await readArtifactContent(storage.db, sessionId, artifactId);
    if (!row) return undefined;
    const value = decodeArtifact(row.content);
    remember(key, { fingerprint: row.fingerprint, value, bytes: row.content.length });
    return { value, fingerprint: row.fingerprint };
  }

  return {
    load,
    reader: (userId, sessionId) => ({
      get: async <T>(key: ArtifactKey<T>) => (await load(userId, sessionId, key.id))?.value as T | undefined,
    }),
  };
}
