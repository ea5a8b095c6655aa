/**
 * Keyboard shortcuts: a view's key (`1`…) opens it, Esc closes panels, and
 * ←/→ step through corners once one is focused. Keys typed into a form
 * field or a focused chart are left alone.
 *
 * @module
 */

/// <reference lib="dom" />

import { useEffect, useRef } from "preact/hooks";
import type { CornerFocus, RegisteredView } from "../../sdk/views.ts";

/** What the shortcuts act on. */
export interface ShortcutTargets {
  /** Registered views (their `key`). */
  views: readonly RegisteredView[];
  /** Opens a view. */
  onView: (id: string) => void;
  /** Closes drawers and popovers. */
  onEscape: () => void;
  /** Corner focus. */
  corner: CornerFocus;
  /** Number of corners of the open session. */
  cornerCount: () => number;
}

/** Installs the shortcuts on the window. */
export function useKeyboardShortcuts(targets: ShortcutTargets): void {
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const t = latest.current;
      if (event.key === "Escape") return t.onEscape();
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest("input, select, textarea, [role=figure]")) return;
      const view = t.views.find((v) => v.contribution.key === event.key);
      if (view) {
        t.onView(view.contribution.id);
        event.preventDefault();
        return;
      }
      const count = t.cornerCount();
      const selected = t.corner.selected;
      if (selected === null || count === 0) return;
      if (event.key === "ArrowRight") t.corner.select(selected >= count ? 1 : selected + 1);
      else if (event.key === "ArrowLeft") t.corner.select(selected <= 1 ? count : selected - 1);
      else return;
      event.preventDefault();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
}
