/**
 * The Debrief view's coach chat: the conversation so far, a question box,
 * and the answer appearing as it streams in. Suggested questions start the
 * conversation.
 *
 * @module
 */

import type { Units } from "../../sdk/mod.ts";
import { definePanel } from "../../sdk/views.ts";
import { askCoach, fetchChat, type StoredMessage } from "./coaching_api.ts";

/** A message: spaced, answers set off by a rule (the shell's stylesheet has no chat styles). */
const MESSAGE_STYLE = "margin:8px 0;padding-left:10px;border-left:3px solid var(--line)";

const SUGGESTIONS = [
  "Where am I losing the most time?",
  "How do I brake more consistently?",
  "What should I try next session?",
];

/** `"95.2 km/h"` in the coach's text, written in the user's speed unit. */
const inUnits = (text: string, units: Units) =>
  text.replace(/(\d+(?:\.\d+)?) ?km\/h/g, (_, v) => units.formatSpeed(Number(v) / 3.6));

export default definePanel({
  render(ctx) {
    const { html, hooks, data, units } = ctx;
    const sessionId = data.session.id;
    const [messages, setMessages] = hooks.useState<StoredMessage[]>([]);
    const [draft, setDraft] = hooks.useState("");
    const [streaming, setStreaming] = hooks.useState<string | null>(null);
    const [problem, setProblem] = hooks.useState<string | null>(null);
    hooks.useEffect(() => {
      let alive = true;
      fetchChat(sessionId).then((m) => alive && setMessages(m)).catch((e: Error) =>
        alive && setProblem(e.message)
      );
      return () => {
        alive = false;
      };
    }, [sessionId]);
    const ask = async (question: string) => {
      const text = question.trim();
      if (!text || streaming !== null) return;
      setDraft("");
      setProblem(null);
      setMessages((m: StoredMessage[]) => [...m, { role: "user", content: text, source: null }]);
      setStreaming("");
      let answer = "";
      try {
        const { source } = await askCoach(sessionId, text, (piece) => {
          answer += piece;
          setStreaming(answer);
        });
        setMessages((m: StoredMessage[]) => [...m, { role: "assistant", content: answer, source }]);
      } catch (e) {
        setProblem((e as Error).message);
      } finally {
        setStreaming(null);
      }
    };
    const bubble = (m: StoredMessage, i: number) =>
      html`
        <div key=${i} class=${`coach-msg ${m.role}`} data-role=${m.role} style=${MESSAGE_STYLE}>
          <span class="metric-label">${m.role === "user"
            ? "You"
            : m.source === "claude"
            ? "Coach"
            : "Offline coach"}</span>
          <div>${m.role === "assistant" ? inUnits(m.content, units) : m.content}</div>
        </div>
      `;
    return html`<div class="coach-chat">
      <div class="coach-messages" aria-live="polite">
        ${messages.map(bubble)}
        ${
      streaming !== null &&
      html`
        <div class="coach-msg assistant streaming" data-role="streaming"
          style=${MESSAGE_STYLE}><span class="metric-label">Coach</span><div>${inUnits(streaming, units) ||
            "…"}</div></div>
      `
    }
      </div>
      ${problem && html`<p class="inline-error">${problem}</p>`}
      ${
      messages.length === 0 && streaming === null &&
      html`<div class="pills">${
        SUGGESTIONS.map((s) => html`<button type="button" class="pill" onClick=${() => ask(s)}>${s}</button>`)
      }</div>`
    }
      <form class="coach-ask" style="display:flex;gap:8px;margin-top:8px" onSubmit=${(e: Event) => {
      e.preventDefault();
      ask(draft);
    }}>
        <label class="visually-hidden" for="coach-question">Question for the coach</label>
        <input id="coach-question" class="search" style="flex:1;min-width:0" type="text" maxlength="2000" placeholder="Ask about a corner, a lap, your braking…"
          value=${draft} onInput=${(e: Event) => setDraft((e.target as HTMLInputElement).value)} disabled=${
      streaming !== null
    } />
        <button type="submit" class="button" disabled=${
      streaming !== null || draft.trim() === ""
    }>Ask</button>
      </form>
    </div>`;
  },
});
