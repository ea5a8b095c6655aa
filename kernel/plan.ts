/**
 * Orders stages by what they consume and produce, and finds what cannot run.
 *
 * @module
 */

import type { Diagnostic } from "../sdk/mod.ts";
import type { RegisteredStage } from "./registry.ts";

/** The outcome of planning: a runnable order and the problems found. */
export interface StagePlan {
  /** Stages that can run, each after every producer of what it consumes. */
  order: RegisteredStage[];
  /** Stages that can never run, by stage id, with the reason. */
  disabled: Map<string, string>;
  /** One `error` diagnostic per missing producer or cycle, one `warning` per stage disabled as a consequence. */
  problems: Diagnostic[];
  /** The artifact each problem of a missing or unavailable input is about (cycles have none). */
  blockedBy: Map<Diagnostic, string>;
}

/**
 * Plans a set of stages. `seeded` are artifact ids the kernel provides itself
 * (the parsed session). Ties keep registration order, so plans are stable.
 */
export function planStages(stages: readonly RegisteredStage[], seeded: readonly string[]): StagePlan {
  const problems: Diagnostic[] = [];
  const disabled = new Map<string, string>();
  const blockedBy = new Map<Diagnostic, string>();
  const producer = new Map<string, RegisteredStage>();
  for (const s of stages) for (const k of Object.values(s.stage.produces)) producer.set(k.id, s);
  const available = new Set(seeded);
  const needs = (s: RegisteredStage) => Object.values(s.stage.consumes).map((k) => k.id);

  for (const s of stages) {
    for (const id of needs(s)) {
      if (!available.has(id) && !producer.has(id)) {
        const reason = `consumes "${id}", which no registered stage produces`;
        const problem: Diagnostic = {
          severity: "error",
          plugin: s.plugin,
          stage: s.stage.id,
          message: reason,
        };
        problems.push(problem);
        disabled.set(s.stage.id, reason);
        blockedBy.set(problem, id);
      }
    }
  }

  // Kahn's algorithm over the stages not yet disabled.
  const remaining = stages.filter((s) => !disabled.has(s.stage.id));
  const order: RegisteredStage[] = [];
  const done = new Set(available);
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (let i = 0; i < remaining.length; i++) {
      const s = remaining[i];
      const blockedBy = needs(s).find((id) => !done.has(id));
      if (blockedBy === undefined) {
        order.push(s);
        for (const k of Object.values(s.stage.produces)) done.add(k.id);
        remaining.splice(i, 1);
        progressed = true;
        break;
      }
    }
  }
  if (remaining.length > 0) {
    const cycle = findCycle(remaining, producer, needs);
    const cycleIds = new Set(cycle.map((s) => s.stage.id));
    if (cycle.length > 0) {
      const path = [...cycle, cycle[0]].map((s) => s.stage.id).join(" → ");
      for (const s of cycle) {
        const reason = `is in a dependency cycle: ${path}`;
        problems.push({ severity: "error", plugin: s.plugin, stage: s.stage.id, message: reason });
        disabled.set(s.stage.id, reason);
      }
    }
    for (const s of remaining) {
      if (cycleIds.has(s.stage.id)) continue;
      const blocker = needs(s).find((id) => !done.has(id)) ?? "?";
      const reason = `disabled: needs "${blocker}", which cannot be produced`;
      disabled.set(s.stage.id, reason);
      const problem: Diagnostic = {
        severity: "warning",
        plugin: s.plugin,
        stage: s.stage.id,
        message: reason,
      };
      problems.push(problem);
      blockedBy.set(problem, blocker);
    }
  }
  // Stages downstream of a stage disabled for a missing input are already excluded
  // by Kahn's pass above (their input never becomes available); name them too.
  return { order, disabled, problems, blockedBy };
}

function findCycle(
  remaining: RegisteredStage[],
  producer: Map<string, RegisteredStage>,
  needs: (s: RegisteredStage) => string[],
): RegisteredStage[] {
  const inSet = new Set(remaining);
  for (const start of remaining) {
    const path: RegisteredStage[] = [];
    const seen = new Map<RegisteredStage, number>();
    let current: RegisteredStage | undefined = start;
    while (current && inSet.has(current)) {
      if (seen.has(current)) return path.slice(seen.get(current));
      seen.set(current, path.length);
      path.push(current);
      const s: RegisteredStage = current;
      current = needs(s).map((id) => producer.get(id)).find((p) => p !== undefined && inSet.has(p));
    }
  }
  return [];
}
