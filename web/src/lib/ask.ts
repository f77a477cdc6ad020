import type { components } from "../api/ai.d.ts";

// the generated schemas (what client.ts exports as AiSchemas; imported here so unit tests need no client)
type AiSchemas = components["schemas"];

// The events of POST /api/v1/ai/ask (ai-service AskController): `sources`, then `piece` (repeated),
// then `done`, or `error` with a problem document. ai.json types the stream only as a string, so the
// payloads are derived here from the generated types they mirror: a citation is the one a thread's
// turn carries (the same record), `done` carries a turn's answer id, mode and uncertain flag plus the thread.
export type Citation = AiSchemas["Citation"];
export interface SourcesEvent { question?: string; citations?: Citation[] }
export interface PieceEvent { text?: string }
export type DoneEvent = Pick<AiSchemas["Turn"], "answerId" | "mode" | "uncertain"> & {
  threadId?: string;
  label?: string;
  suggestions?: string[];
  fallbackReason?: string;
};
export type ProblemEvent = Partial<Pick<AiSchemas["Problem"], "title" | "detail" | "status">>;

export type AskEvent =
  | { kind: "sources"; sources: SourcesEvent }
  | { kind: "piece"; text: string }
  | { kind: "done"; done: DoneEvent }
  | { kind: "error"; problem: ProblemEvent };

/** One server-sent event of the answer stream, decoded; null for events this client does not know. */
export function decodeAskEvent(name: string, data: string): AskEvent | null {
  let json: unknown;
  try { json = JSON.parse(data); } catch { return name === "error" ? { kind: "error", problem: { title: "Answer failed", detail: data } } : null; }
  const o = (json ?? {}) as Record<string, unknown>;
  switch (name) {
    case "sources": return { kind: "sources", sources: o as SourcesEvent };
    case "piece": return { kind: "piece", text: typeof o.text === "string" ? o.text : "" };
    case "done": return { kind: "done", done: o as DoneEvent };
    case "error": return { kind: "error", problem: o as ProblemEvent };
    default: return null;
  }
}

/** Answer text split so the citation markers ([1], [2]) can link to their sources. */
export type AnswerPart = { text: string } | { ref: number };

export function answerParts(text: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  const re = /\[(\d{1,2})\]/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ ref: Number(m[1]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** One question and its answer in the Ask AI panel: streaming now, or reopened from a thread. */
export interface AskTurn {
  key: string;
  question: string;
  answer: string;
  citations: Citation[];
  done?: DoneEvent;
  error?: string;
  streaming: boolean;
}

/**
 * A turn of a reopened thread, shown as the live answer was: its text and the sources it was given
 * with (an answer stored before ai-service kept citations has none).
 */
export function pastTurn(t: AiSchemas["Turn"], i: number): AskTurn {
  return {
    key: `past-${i}`,
    question: t.question ?? "",
    answer: t.answer ?? "",
    citations: t.citations ?? [],
    done: { answerId: t.answerId, mode: t.mode, uncertain: t.uncertain },
    streaming: false,
  };
}
