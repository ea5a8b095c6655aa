/**
 * What a session that is not ready shows: the analysis progress while it is
 * queued or running (followed live), or why it failed.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { SessionDetail } from "../api/server_api.ts";
import { type AnalysisProgress, followAnalysis } from "../upload/transfer.ts";

/** Properties of {@linkcode SessionStatusView}. */
export interface SessionStatusProps {
  /** The session. */
  detail: SessionDetail;
  /** Called once the analysis is done. */
  onReady: () => void;
}

/** Progress bar or failure message. */
export function SessionStatusView({ detail, onReady }: SessionStatusProps): VNode {
  const [progress, setProgress] = useState<AnalysisProgress>({
    status: detail.status,
    error: detail.error ?? undefined,
  });
  useEffect(() => {
    if (detail.status === "failed") return;
    return followAnalysis(detail.session.id, (p) => {
      setProgress(p);
      if (p.status === "ready") onReady();
    });
  }, [detail.session.id]);
  if (progress.status === "failed") {
    return html`
      <section class="status-card failed" role="alert">
        <h1>${detail.session.fileName}: the analysis failed</h1>
        <p>${progress.error ?? detail.error ?? "No reason was given."}</p>
      </section>
    `;
  }
  const fraction = progress.total ? (progress.done ?? 0) / progress.total : 0;
  return html`
    <section class="status-card" aria-busy="true">
      <h1>Analysing ${detail.session.fileName}</h1>
      <progress max="1" value=${fraction} aria-label="Analysis progress"></progress>
      <p>${progress.stage
        ? `${progress.stage} (${progress.done ?? 0}/${progress.total})`
        : "Waiting for a worker…"}</p>
    </section>
  `;
}
