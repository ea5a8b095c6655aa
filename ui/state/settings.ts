/**
 * User settings kept in the browser (`localStorage`): units and colour theme.
 *
 * @module
 */

/// <reference lib="dom" />

import { useCallback, useState } from "preact/hooks";
import type { UnitChoice } from "../units.ts";

/** Everything the settings menu controls. */
export interface Settings extends UnitChoice {
  /** Colour theme. */
  theme: "light" | "dark";
}

const STORAGE_KEY = "workbench.settings";

/** Settings from storage, falling back to metric and the system's colour scheme. */
export function loadSettings(): Settings {
  const prefersDark = globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const defaults: Settings = { speed: "kmh", distance: "m", theme: prefersDark ? "dark" : "light" };
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<Settings>;
    return {
      speed: stored.speed === "mph" ? "mph" : stored.speed === "kmh" ? "kmh" : defaults.speed,
      distance: stored.distance === "ft" ? "ft" : stored.distance === "m" ? "m" : defaults.distance,
      theme: stored.theme === "dark" || stored.theme === "light" ? stored.theme : defaults.theme,
    };
  } catch {
    return defaults;
  }
}

/** The settings and a function that changes and persists some of them. */
export function useSettings(): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState(loadSettings);
  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // storage full or disabled: the choice still holds for this page
      }
      return next;
    });
  }, []);
  return [settings, update];
}
