/**
 * Messages between the workbench and a sandboxed plugin's process, and
 * which contributions of a manifest can only run in-process. Stages and
 * logger formats run in the sandbox; routes, analysis hooks and services
 * need the workbench's storage and run in-process.
 *
 * @module
 */

import type { DiagnosticInput, PluginManifest, RunSettings } from "../../sdk/mod.ts";

/** An artifact key as it crosses the boundary (keys are plain data). */
export interface KeyDescription {
  /** Artifact id. */
  id: string;
  /** What it holds. */
  description: string;
}

/** A stage as the plugin's process describes it to the workbench. */
export interface StageDescription {
  /** Stage id. */
  id: string;
  /** One sentence. */
  description: string;
  /** Consumed keys by input name. */
  consumes: Record<string, KeyDescription>;
  /** Produced keys by output name. */
  produces: Record<string, KeyDescription>;
}

/** A logger format as the plugin's process describes it to the workbench. */
export interface FormatDescription {
  /** Format id. */
  id: string;
  /** Human name. */
  name: string;
  /** Usual file name extensions. */
  extensions: string[];
}

/** A plugin manifest without its code, as the plugin's process describes it to the workbench. */
export interface ManifestDescription {
  /** Plugin id. */
  id: string;
  /** Plugin version. */
  version: string;
  /** SDK range. */
  sdk: string;
  /** One sentence. */
  description: string;
  /** Its stages. */
  stages: StageDescription[];
  /** Its logger formats. */
  formats: FormatDescription[];
  /** Views (plain data), when they survive a structured clone; otherwise empty. */
  views: unknown[];
  /** Contributions that cannot run in a sandbox (routes, app routes, analysis hooks, services), by kind. */
  inProcessOnly: string[];
  /** Its settings schema (plain data), if it declares one. */
  settings?: PluginManifest["settings"];
}

/** Workbench to plugin process. Values inside are in wire form (see `wire.ts`). */
export type HostMessage =
  | {
    kind: "load";
    /** The plugin's `mod.ts`. */
    moduleUrl: string;
  }
  | {
    kind: "run";
    /** The stage to run. */
    stage: string;
    /** Run settings, with only this plugin's own entry in `plugins`. */
    settings: RunSettings;
    /** Inputs by name: values, `$ref`s to values kept earlier, `$lazy` placeholders. */
    inputs: Record<string, unknown>;
    /** Ids to keep new inputs under, by input name. */
    keepInputs: Record<string, number>;
    /** Ids to keep the outputs under, by output name. */
    keepOutputs: Record<string, number>;
    /** Kept values to let go of. */
    drop: number[];
  }
  | {
    kind: "sniff";
    /** The format asked. */
    format: string;
    /** The text at the start of the file. */
    head: string;
  }
  | {
    kind: "parse";
    /** The format to read the file with. */
    format: string;
    /** File name as uploaded. */
    file: string;
    /** The file's bytes. */
    bytes: Uint8Array;
    /** Run settings, with only this plugin's own entry in `plugins`. */
    settings: RunSettings;
    /** Id to keep the session under. */
    keepSession: number;
  }
  | {
    kind: "values";
    /** The lazy values asked for (and others of the same group), by lazy id. */
    values: Record<string, unknown>;
  };

/** Plugin process to workbench. */
export type WorkerMessage =
  | {
    kind: "loaded";
    /** What the module contributes. */
    manifest: ManifestDescription;
  }
  | {
    kind: "load-failed";
    /** Why. */
    message: string;
  }
  | {
    kind: "fetch";
    /** Lazy values the stage has just read. */
    ids: number[];
  }
  | {
    kind: "sniffed";
    /** Whether the format claims the file. */
    accepted: boolean;
  }
  | {
    kind: "result";
    /** The stage's outputs by name (a parse: `{session}`). */
    outputs: Record<string, unknown>;
    /** What the stage reported. */
    diagnostics: DiagnosticInput[];
  }
  | {
    kind: "failed";
    /** The error's message. */
    message: string;
    /** The call used a permission the plugin was not given. */
    denied: boolean;
    /** Set when the stage or format threw a `DataError` (the data cannot be used): its location. */
    dataError?: Pick<DiagnosticInput, "file" | "line" | "column">;
    /** What the stage reported before it failed. */
    diagnostics: DiagnosticInput[];
  };

/** The contributions of a manifest that hold workbench-side code and so cannot run in a sandbox. */
export function inProcessOnlyKinds(manifest: PluginManifest): string[] {
  return [
    ...(manifest.routes?.length ? ["routes"] : []),
    ...(manifest.appRoutes?.length ? ["appRoutes"] : []),
    ...(typeof manifest.onAnalysis === "function" ? ["onAnalysis"] : []),
    ...(typeof manifest.analysisData === "function" ? ["analysisData"] : []),
    ...(typeof manifest.onSessionDeleted === "function" ? ["onSessionDeleted"] : []),
    ...(manifest.services && Object.keys(manifest.services).length ? ["services"] : []),
  ];
}
