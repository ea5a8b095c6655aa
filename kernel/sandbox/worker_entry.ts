/**
 * The code that runs inside a plugin's worker: imports the plugin module,
 * describes its manifest to the host, and runs its stages on request. The
 * worker has no network, environment, write or subprocess access and can
 * read only the plugin's own folder; outputs go back with their typed-array
 * buffers transferred, not copied.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import type { DiagnosticInput, PluginManifest } from "../../sdk/mod.ts";
import type { HostMessage, ManifestDescription, WorkerMessage } from "./protocol.ts";
import { inProcessOnlyKinds, transferablesOf } from "./protocol.ts";

let plugin: PluginManifest | null = null;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(manifest: PluginManifest): ManifestDescription {
  const keys = (map: Record<string, { id: string; description: string }>) =>
    Object.fromEntries(
      Object.entries(map).map(([name, k]) => [name, { id: k.id, description: k.description }]),
    );
  let views: unknown[] = [];
  try {
    views = structuredClone([...(manifest.views ?? [])]);
  } catch {
    views = [];
  }
  return {
    id: manifest.id,
    version: manifest.version,
    sdk: manifest.sdk,
    description: manifest.description,
    stages: (manifest.stages ?? []).map((s) => ({
      id: s.id,
      description: s.description,
      consumes: keys(s.consumes),
      produces: keys(s.produces),
    })),
    views,
    inProcessOnly: inProcessOnlyKinds(manifest),
  };
}

self.onmessage = async (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.kind === "load") {
    try {
      const mod = await import(message.moduleUrl);
      const manifest = mod.default as PluginManifest | undefined;
      if (!manifest || typeof manifest !== "object" || typeof manifest.id !== "string") {
        throw new Error("mod.ts has no default export made with definePlugin()");
      }
      plugin = manifest;
      post({ kind: "loaded", manifest: describe(manifest) });
    } catch (error) {
      post({ kind: "load-failed", message: messageOf(error) });
    }
    return;
  }
  const diagnostics: DiagnosticInput[] = [];
  const stage = plugin?.stages?.find((s) => s.id === message.stage);
  try {
    if (!plugin || !stage) throw new Error(`no stage "${message.stage}" in this plugin`);
    const outputs = await stage.run({
      plugin: plugin.id,
      stage: stage.id,
      settings: message.settings,
      signal: new AbortController().signal,
      report: (d) => diagnostics.push(d),
    }, message.inputs) as Record<string, unknown>;
    post({ kind: "result", call: message.call, outputs, diagnostics }, transferablesOf(outputs));
  } catch (error) {
    post({ kind: "failed", call: message.call, message: messageOf(error), diagnostics });
  }
};
