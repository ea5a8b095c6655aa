/**
 * Runs an untrusted plugin in its own process (`plugin_process.ts`: no
 * network, environment, write or subprocess access, read access only to its
 * folder and the SDK, time and memory limits) and gives the workbench a
 * manifest whose stages and logger formats have the same API as in-process
 * ones. Inputs cross as raw typed-array bytes, each value at most once and
 * only when the plugin reads it (`value_ledger.ts`); outputs come back the
 * same way.
 *
 * A stage or format that throws fails only that call (the runner reports it
 * as a diagnostic naming the plugin and stage). A time-out, a memory overrun
 * or a crash kills the process and marks the plugin unhealthy: that call and
 * every later one fail with the reason, and the rest of the analysis goes on.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import {
  type AnyStage,
  DataError,
  type DiagnosticInput,
  type FormatDefinition,
  type PluginManifest,
  type RunSettings,
  type Session,
} from "../../sdk/mod.ts";
import type { ManifestDescription, WorkerMessage } from "./protocol.ts";
import {
  DEFAULT_SANDBOX_LIMITS,
  type PluginHealth,
  type PluginProcess,
  type SandboxLimits,
  startPluginProcess,
} from "./plugin_process.ts";
import { ValueLedger } from "./value_ledger.ts";

export { DEFAULT_SANDBOX_LIMITS, type PluginHealth, type SandboxLimits };

/** A plugin running in its own process. */
export interface SandboxedPlugin {
  /** The manifest, with stages and formats that call into the process. */
  manifest: PluginManifest;
  /** Contributions the module declares that cannot run in a sandbox (`routes`, `services`, …). */
  inProcessOnly: readonly string[];
  /** Current health. */
  health(): PluginHealth;
  /** Kills the process; later calls fail. */
  close(): void;
}

/**
 * Starts a process for the plugin module at `moduleUrl` (a `mod.ts` in its
 * own folder) and returns its manifest. Rejects when the module cannot be
 * loaded in time or exports no manifest; the process is then killed.
 */
export async function loadSandboxed(
  moduleUrl: URL,
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): Promise<SandboxedPlugin> {
  const process = startPluginProcess(fileURLToPath(new URL("./", moduleUrl)), limits);
  let loaded: WorkerMessage;
  try {
    loaded = await process.request({ kind: "load", moduleUrl: moduleUrl.href }, {
      what: "loading the module",
    });
  } catch (error) {
    process.close();
    throw error;
  }
  if (loaded.kind !== "loaded") {
    process.close();
    throw new Error(
      loaded.kind === "load-failed" ? loaded.message : "unexpected answer from the plugin's process",
    );
  }
  const description: ManifestDescription = loaded.manifest;
  const ledger = new ValueLedger(limits.memoryLimitMb * 2 ** 20 / 4); // a quarter of its memory for kept values
  const manifest: PluginManifest = {
    id: description.id,
    version: description.version,
    sdk: description.sdk,
    description: description.description,
    stages: description.stages.map((s) => ({
      id: s.id,
      description: s.description,
      consumes: s.consumes,
      produces: s.produces,
      run: proxyStage(process, ledger, description.id, s.id, Object.keys(s.produces)),
    })),
    formats: description.formats.map((f) => proxyFormat(process, ledger, description.id, f)),
    views: description.views as PluginManifest["views"],
    settings: description.settings,
  };
  return {
    manifest,
    inProcessOnly: description.inProcessOnly,
    health: () => process.health(),
    close: () => process.close(),
  };
}

/** Run settings as a plugin sees them: its own entries of `plugins` and `pluginData` only. */
function ownSettings(settings: RunSettings, plugin: string): RunSettings {
  const own = settings.plugins?.[plugin];
  const data = settings.pluginData?.[plugin];
  return {
    ...settings,
    plugins: own ? { [plugin]: own } : {},
    pluginData: data === undefined ? {} : { [plugin]: data },
  };
}

/** The outputs of a finished call; a failed call throws as the plugin's code did. */
function outputsOf(answer: WorkerMessage, report: (d: DiagnosticInput) => void): Record<string, unknown> {
  if (answer.kind !== "result" && answer.kind !== "failed") {
    throw new Error(`unexpected answer "${answer.kind}" from the plugin's process`);
  }
  for (const d of Array.isArray(answer.diagnostics) ? answer.diagnostics : []) report(d);
  if (answer.kind === "failed") {
    if (answer.dataError) throw new DataError(answer.message, answer.dataError);
    throw new Error(answer.denied ? `${answer.message} (the sandbox does not allow it)` : answer.message);
  }
  if (typeof answer.outputs !== "object" || answer.outputs === null) {
    throw new Error("the stage returned no outputs");
  }
  return answer.outputs;
}

function proxyStage(
  process: PluginProcess,
  ledger: ValueLedger,
  plugin: string,
  stageId: string,
  outputNames: readonly string[],
): AnyStage["run"] {
  return async (ctx, inputs) => {
    const prepared = ledger.prepareInputs(inputs as Record<string, unknown>);
    // The process keeps the outputs too: a later stage of the plugin reading them gets references.
    const keepOutputs = Object.fromEntries(outputNames.map((name) => [name, ledger.keepId()]));
    const answer = await process.request({
      kind: "run",
      stage: stageId,
      settings: ownSettings(ctx.settings, plugin),
      inputs: prepared.inputs,
      keepInputs: prepared.keepInputs,
      keepOutputs,
      drop: prepared.drop,
    }, {
      what: `stage "${stageId}"`,
      encode: prepared.hooks,
      fetch: (ids) => ledger.answerFetch(ids),
    });
    const outputs = outputsOf(answer, ctx.report);
    for (const [name, id] of Object.entries(keepOutputs)) ledger.remember(outputs[name], id);
    return outputs;
  };
}

function proxyFormat(
  process: PluginProcess,
  ledger: ValueLedger,
  plugin: string,
  format: ManifestDescription["formats"][number],
): FormatDefinition {
  return {
    id: format.id,
    name: format.name,
    extensions: format.extensions,
    async sniff(head) {
      const answer = await process.request({ kind: "sniff", format: format.id, head }, {
        what: `format "${format.id}" recognising a file`,
      });
      if (answer.kind === "sniffed") return answer.accepted === true;
      outputsOf(answer, () => {});
      return false;
    },
    async parse(bytes, ctx): Promise<Session> {
      const keepSession = ledger.keepId();
      const answer = await process.request({
        kind: "parse",
        format: format.id,
        file: ctx.file,
        bytes,
        settings: ownSettings(ctx.settings, plugin),
        keepSession,
      }, { what: `format "${format.id}" reading ${ctx.file}` });
      const { session } = outputsOf(answer, ctx.report);
      if (typeof session !== "object" || session === null) throw new Error("the format returned no session");
      ledger.remember(session, keepSession);
      return session as Session;
    },
  };
}
