/**
 * The upload queue: every file dropped, its phase (sending bytes, queued,
 * analysing stage k of n, ready, failed with the server's message), retry
 * and dismissal.
 *
 * @module
 */

/// <reference lib="dom" />

import { useCallback, useRef, useState } from "preact/hooks";
import { followAnalysis, sendFile } from "./transfer.ts";

/** One file in the queue. */
export interface UploadItem {
  /** Unique key. */
  key: string;
  /** The file. */
  file: File;
  /** Where it is. */
  phase: "sending" | "queued" | "analysing" | "ready" | "failed";
  /** Fraction done, 0..1, for the progress bar (bytes while sending, stages while analysing). */
  fraction: number;
  /** What is happening, in words. */
  detail: string;
  /** Session created, once known. */
  sessionId: string | null;
  /** The server's message when it failed. */
  error: string | null;
}

/** The queue and its actions. */
export interface UploadQueue {
  /** Files, in the order dropped. */
  items: UploadItem[];
  /** Adds files and starts sending them. */
  add(files: Iterable<File>): void;
  /** Sends a failed file again. */
  retry(key: string): void;
  /** Removes a finished or failed file from the list. */
  dismiss(key: string): void;
}

/** Keeps the queue; `onReady(sessionId, first)` runs when an analysis finishes. */
export function useUploadQueue(onReady: (sessionId: string) => void): UploadQueue {
  const [items, setItems] = useState<UploadItem[]>([]);
  const counter = useRef(0);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const start = useCallback((key: string, file: File) => {
    patch(key, { phase: "sending", fraction: 0, detail: "Uploading…", error: null });
    sendFile(file, (loaded, total) => {
      patch(key, { fraction: total > 0 ? loaded / total : 0, detail: `Uploading ${percent(loaded, total)}` });
    }).then(({ sessionId, duplicate }) => {
      patch(key, {
        sessionId,
        phase: "queued",
        fraction: 0,
        detail: duplicate ? "Already uploaded: opening the existing session" : "Waiting for the analysis",
      });
      followAnalysis(sessionId, (p) => {
        if (p.status === "ready") {
          patch(key, { phase: "ready", fraction: 1, detail: "Analysed" });
          onReadyRef.current(sessionId);
        } else if (p.status === "failed") {
          patch(key, {
            phase: "failed",
            error: p.error ?? "The analysis failed.",
            detail: "Analysis failed",
          });
        } else if (p.total) {
          const done = Math.min(p.done ?? 0, p.total);
          patch(key, {
            phase: "analysing",
            fraction: done / p.total,
            detail: `Analysing: ${p.stage ?? "…"} (${done}/${p.total})`,
          });
        }
      });
    }).catch((error) => {
      patch(key, {
        phase: "failed",
        error: error instanceof Error ? error.message : String(error),
        detail: "Upload failed",
      });
    });
  }, [patch]);

  return {
    items,
    add(files) {
      const added: UploadItem[] = [...files].map((file) => ({
        key: `u${++counter.current}`,
        file,
        phase: "sending",
        fraction: 0,
        detail: "Waiting",
        sessionId: null,
        error: null,
      }));
      setItems((list) => [...list, ...added]);
      for (const item of added) start(item.key, item.file);
    },
    retry(key) {
      const item = items.find((i) => i.key === key);
      if (item) start(key, item.file);
    },
    dismiss(key) {
      setItems((list) => list.filter((i) => i.key !== key));
    },
  };
}

function percent(loaded: number, total: number): string {
  return total > 0 ? `${Math.round((100 * loaded) / total)} %` : "";
}
