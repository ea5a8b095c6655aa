/**
 * Real analyses of the shared sample sessions for the workbench-wide
 * plugins' tests: each file is analysed once per test process by the
 * built-in pipeline, and its artifacts are handed out as the pairs
 * `sdk/testing/app_services.ts` stores with a session.
 *
 * @module
 */

import { artifact, type ArtifactKey, TrackKey, type TrackMatch } from "../sdk/mod.ts";
import { readSession } from "../sdk/testing/mod.ts";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";

/** Artifact values by key, as `TestWorkbench.addSession` takes them. */
export type ArtifactPairs = ReadonlyArray<readonly [ArtifactKey<unknown>, unknown]>;

const registry = loadPlugins({ sandbox: false }).then(({ registry }) => registry);
const analyses = new Map<string, Promise<ArtifactPairs>>();

/** Every artifact of a sample session (a file name in `shared/data/sessions`, or a path) analysed by the built-in plugins. */
export function analysedArtifacts(file: string): Promise<ArtifactPairs> {
  let pending = analyses.get(file);
  if (!pending) {
    pending = (async () => {
      const result = await analyze(await registry, {
        file: file.split("/").pop()!,
        bytes: await readSession(file),
      });
      return result.artifacts.ids().map((id) => {
        const key = artifact<unknown>(id, id);
        return [key, result.artifacts.get(key)] as const;
      });
    })();
    analyses.set(file, pending);
  }
  return pending;
}

/** The track slug the analysis matched, from its `track` artifact. */
export function trackOf(pairs: ArtifactPairs): { slug: string; name: string } | null {
  const match = pairs.find(([key]) => key.id === TrackKey.id)?.[1] as TrackMatch | null | undefined;
  return match ? { slug: match.track.slug, name: match.track.name } : null;
}
