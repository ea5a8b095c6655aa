/**
 * The coaching API as the Debrief panels call it from the browser:
 * `/api/coaching/{session}/report` (read, regenerate), `/chat` (history, a
 * question answered as server-sent events) and `/api/coaching/settings`
 * (skill level).
 *
 * @module
 */

import type { CoachingReport, SkillLevel, UntraceableNumber } from "../../sdk/mod.ts";
import { readServerEvents } from "./sse_reader.ts";

/** `GET /api/coaching/{session}/report`. */
export interface ReportState {
  /** `queued`, `generating`, `ready` or `failed`. */
  status: "queued" | "generating" | "ready" | "failed";
  /** The skill level it is written for. */
  skill_level: SkillLevel;
  /** The report once ready. */
  report: CoachingReport | null;
  /** The offline coach's report when the model failed. */
  fallback?: CoachingReport | null;
  /** Why it failed. */
  error: string | null;
  /** Something to know about it (e.g. written offline because the budget was spent). */
  note?: string | null;
  /** Numbers the report quotes that the analysis does not contain. */
  untraceable_numbers?: UntraceableNumber[];
  /** Written before the latest analysis of the session. */
  outdated?: boolean;
  /** Model id, or null offline. */
  model?: string | null;
  /** Tokens and cost. */
  usage?: { input_tokens: number; output_tokens: number; cost_usd: number | null };
}

/** One stored chat message. */
export interface StoredMessage {
  /** `user` or `assistant`. */
  role: "user" | "assistant";
  /** Text. */
  content: string;
  /** `claude` or `offline` for answers. */
  source: string | null;
}

const base = (sessionId: string) => `/api/coaching/${encodeURIComponent(sessionId)}`;

async function json<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

/** The report's state. */
export async function fetchReport(sessionId: string): Promise<ReportState> {
  return json<ReportState>(await fetch(`${base(sessionId)}/report`));
}

/** Asks for the report to be written again. */
export async function regenerateReport(sessionId: string): Promise<void> {
  await json(
    await fetch(`${base(sessionId)}/report`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }),
  );
}

/** Whether the driver has said which skill level reports are written for (until then: intermediate). */
export async function skillChosen(): Promise<boolean> {
  return (await json<{ skill_level_chosen: boolean }>(await fetch("/api/coaching/settings")))
    .skill_level_chosen;
}

/** Sets the caller's skill level (reports at that level are written on demand). */
export async function saveSkill(skill: SkillLevel): Promise<void> {
  await json(
    await fetch("/api/coaching/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ skill_level: skill }),
    }),
  );
}

/** The conversation so far. */
export async function fetchChat(sessionId: string): Promise<StoredMessage[]> {
  return (await json<{ messages: StoredMessage[] }>(await fetch(`${base(sessionId)}/chat`))).messages;
}

/**
 * Asks a question; `onText` receives the answer as it streams. Resolves
 * with who answered; rejects with the server's or the coach's message.
 */
export async function askCoach(
  sessionId: string,
  question: string,
  onText: (text: string) => void,
): Promise<{ source: string }> {
  const response = await fetch(`${base(sessionId)}/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  if (!response.ok || !response.body) await json(response);
  let source = "offline";
  for await (const { event, data } of readServerEvents(response.body!)) {
    const payload = data as { text?: string; message?: string; source?: string };
    if (event === "delta" && payload.text) onText(payload.text);
    else if (event === "done") source = payload.source ?? source;
    else if (event === "error") throw new Error(payload.message ?? "The coach could not answer.");
  }
  return { source };
}
