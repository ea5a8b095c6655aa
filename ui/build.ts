/**
 * Bundles the workbench's browser code with esbuild: the shell in `ui/` and
 * the browser module of every registered view, panel and chart. The bundler
 * writes a small entry that imports each module and hands the list to
 * `startWorkbench`, so one bundle (one copy of Preact and Plot) carries
 * everything and the browser needs no registry request.
 *
 * Contributions are checked first: a bad one (duplicate id, unknown kind, a
 * module path outside its plugin's folder or missing) is left out with a
 * diagnostic and the rest is bundled. Given a cache directory, the result is
 * kept there under a hash of every input file, so a restart with unchanged
 * sources skips esbuild.
 *
 * @module
 */

import * as esbuild from "esbuild";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../sdk/diagnostics.ts";
import type { PluginManifest } from "../sdk/plugin.ts";
import type { ViewContribution } from "../sdk/views.ts";

/** What to bundle. */
export interface UiBuildInput {
  /** Registered plugins (their `views`). */
  plugins: readonly PluginManifest[];
  /** Folder of each plugin, by id (`loadPlugins().folders`). */
  folders: ReadonlyMap<string, URL>;
  /** Directory for the on-disk cache (e.g. `DATA_DIR/ui-cache`); none = build every time. */
  cacheDir?: string;
  /** Minify (default true). */
  minify?: boolean;
}

/** The bundle. */
export interface UiBundle {
  /** The JavaScript. */
  js: string;
  /** The stylesheet. */
  css: string;
  /** Short content hash of both, for cache-busting asset names. */
  hash: string;
  /** Contributions left out, with the reason. */
  problems: Diagnostic[];
  /** Ids of the contributions bundled. */
  contributions: string[];
  /** Seconds spent (0 when served from the cache). */
  seconds: number;
  /** What the page may fetch before the bundle runs (see {@linkcode ViewPrefetch}). */
  prefetch: ViewPrefetch;
}

/**
 * The artifacts each view's contributions need, so the page can request them
 * while the bundle is still downloading: view ids in menu order (the first
 * is the default view) and, per view, the artifact ids its header, panels and
 * charts need or use.
 */
export interface ViewPrefetch {
  /** View ids, in menu order. */
  views: string[];
  /** Artifact ids by view id. */
  artifacts: Record<string, string[]>;
}

const UI_DIR = dirname(fileURLToPath(import.meta.url));
const ID = /^[a-z][a-z0-9-]*$/;
const KINDS = new Set(["view", "panel", "chart"]);

interface Accepted {
  plugin: string;
  contribution: ViewContribution;
  modulePath: string | null;
}

/** Bundles the UI and the registered view modules. */
export async function buildUi(input: UiBuildInput): Promise<UiBundle> {
  const started = performance.now();
  const { accepted, problems } = await acceptContributions(input.plugins, input.folders);
  const entry = entrySource(accepted);
  const key = await inputHash(entry, accepted, input.minify ?? true);
  const cached = await readCache(input.cacheDir, key);
  if (cached) {
    return {
      ...cached,
      problems,
      contributions: accepted.map((a) => a.contribution.id),
      seconds: 0,
      prefetch: viewPrefetch(accepted),
    };
  }

  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: UI_DIR, sourcefile: "workbench-entry.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: input.minify ?? true,
    write: false,
    outdir: "out",
    entryNames: "app",
    logLevel: "silent",
    legalComments: "none",
  }).finally(() => esbuild.stop());
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"))?.text ?? "";
  const css = result.outputFiles.find((f) => f.path.endsWith(".css"))?.text ?? "";
  const hash = (await sha256Hex(js + css)).slice(0, 12);
  const bundle = { js, css, hash };
  await writeCache(input.cacheDir, key, bundle);
  return {
    ...bundle,
    problems,
    contributions: accepted.map((a) => a.contribution.id),
    seconds: (performance.now() - started) / 1000,
    prefetch: viewPrefetch(accepted),
  };
}

/** Per view, the artifacts its contributions need or use (the shell orders views as here). */
function viewPrefetch(accepted: readonly Accepted[]): ViewPrefetch {
  const views = accepted.filter((a) => a.contribution.kind === "view" && a.contribution.scope !== "app")
    .sort((a, b) => (a.contribution.order ?? 100) - (b.contribution.order ?? 100))
    .map((a) => a.contribution.id);
  const artifacts: Record<string, string[]> = {};
  for (const view of views) {
    const ids = new Set<string>();
    for (const { contribution: c } of accepted) {
      if (c.id !== view && !c.in?.includes(view)) continue;
      for (const key of [...c.needs, ...c.optional ?? []]) ids.add(key.id);
    }
    artifacts[view] = [...ids];
  }
  return { views, artifacts };
}

/** The contributions that can be bundled, and why the others cannot. */
async function acceptContributions(
  plugins: readonly PluginManifest[],
  folders: ReadonlyMap<string, URL>,
): Promise<{ accepted: Accepted[]; problems: Diagnostic[] }> {
  const accepted: Accepted[] = [];
  const problems: Diagnostic[] = [];
  const ids = new Set<string>();
  for (const plugin of plugins) {
    for (const c of plugin.views ?? []) {
      const refuse = (message: string) =>
        problems.push({
          severity: "error",
          plugin: plugin.id,
          message: `view "${c.id}" not shown: ${message}`,
        });
      if (!ID.test(c.id ?? "")) {
        refuse("its id must be kebab-case");
        continue;
      }
      if (ids.has(c.id)) {
        refuse("another plugin already contributes this id");
        continue;
      }
      if (!KINDS.has(c.kind)) {
        refuse(`kind "${c.kind}" is not view, panel or chart`);
        continue;
      }
      if (c.kind !== "view" && !c.module) {
        refuse(`a ${c.kind} needs a browser module`);
        continue;
      }
      if (c.scope === "app" && (c.kind !== "view" || !c.module)) {
        refuse('scope "app" is for views with a browser module (an app page)');
        continue;
      }
      let modulePath: string | null = null;
      if (c.module) {
        const folder = folders.get(plugin.id);
        if (!folder) {
          refuse("its plugin's folder is unknown");
          continue;
        }
        const root = fileURLToPath(folder);
        modulePath = resolve(root, c.module);
        if (relative(root, modulePath).startsWith("..")) {
          refuse(`module "${c.module}" is outside the plugin's folder`);
          continue;
        }
        try {
          if (!(await Deno.stat(modulePath)).isFile) throw new Error();
        } catch {
          refuse(`module "${c.module}" does not exist`);
          continue;
        }
      }
      ids.add(c.id);
      accepted.push({ plugin: plugin.id, contribution: c, modulePath });
    }
  }
  return { accepted, problems };
}

/** The generated entry: the stylesheet, every module, and the call to `startWorkbench`. */
function entrySource(accepted: readonly Accepted[]): string {
  const lines = [
    `import ${JSON.stringify(join(UI_DIR, "styles.css"))};`,
    `import { startWorkbench } from ${JSON.stringify(join(UI_DIR, "main.ts"))};`,
  ];
  const entries: string[] = [];
  accepted.forEach((a, i) => {
    if (a.modulePath) lines.push(`import m${i} from ${JSON.stringify(a.modulePath)};`);
    const contribution = {
      ...a.contribution,
      needs: a.contribution.needs.map((k) => k.id),
      optional: (a.contribution.optional ?? []).map((k) => k.id),
    };
    entries.push(
      `{plugin: ${JSON.stringify(a.plugin)}, contribution: ${JSON.stringify(contribution)}${
        a.modulePath ? `, module: m${i}` : ""
      }}`,
    );
  });
  lines.push(`startWorkbench([${entries.join(",\n")}]);`);
  return lines.join("\n");
}

/** Hash of the entry, every file under `ui/` and `sdk/`, and every plugin folder with a module. */
async function inputHash(entry: string, accepted: readonly Accepted[], minify: boolean): Promise<string> {
  const roots = new Set([UI_DIR, resolve(UI_DIR, "../sdk")]);
  for (const a of accepted) if (a.modulePath) roots.add(dirname(a.modulePath));
  const parts = [entry, String(minify), esbuild.version];
  for (const root of [...roots].sort()) {
    for (const file of await sourceFiles(root)) parts.push(file, await Deno.readTextFile(file));
  }
  return await sha256Hex(parts.join("\0"));
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) out.push(...await sourceFiles(path));
    else if (/\.(ts|css)$/.test(entry.name) && !entry.name.endsWith("_test.ts")) out.push(path);
  }
  return out.sort();
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

type CachedBundle = Pick<UiBundle, "js" | "css" | "hash">;

async function readCache(dir: string | undefined, key: string): Promise<CachedBundle | null> {
  if (!dir) return null;
  try {
    return JSON.parse(await Deno.readTextFile(join(dir, `${key}.json`))) as CachedBundle;
  } catch {
    return null;
  }
}

async function writeCache(dir: string | undefined, key: string, bundle: CachedBundle): Promise<void> {
  if (!dir) return;
  try {
    await Deno.mkdir(dir, { recursive: true });
    const file = join(dir, `${key}.json`);
    const temp = `${file}.${crypto.randomUUID()}.tmp`;
    await Deno.writeTextFile(temp, JSON.stringify(bundle));
    await Deno.rename(temp, file);
  } catch (error) {
    console.error(`ui cache not written: ${error instanceof Error ? error.message : error}`);
  }
}
