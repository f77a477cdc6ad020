"use client";
import { useEffect, useId, useRef, useState } from "react";
import type { AiSchemas } from "@/api/client";
import { answerParts, decodeAskEvent, pastTurn, type AskTurn as Turn } from "@/lib/ask";
import { readEvents } from "@/lib/sse";
import { bff } from "../csrf";

async function problemOf(res: Response, fallback: string): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: string; title?: string };
    return p.detail ?? p.title ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Ask AI: the question goes to ai-service, whose answer streams back as server-sent events through the
 * BFF (sources first, then the answer in pieces, then `done`). On a post page the post is preferred as
 * a source; on /ask the whole site is searched and the thread id goes into the address.
 */
export function AskPanel({ postId, postTitle, threadId: startThread, initialTurns, trackThreadInUrl = false, headingLevel = 2 }: {
  postId?: string;
  postTitle?: string;
  threadId?: string;
  initialTurns?: AiSchemas["Turn"][];
  trackThreadInUrl?: boolean;
  headingLevel?: 2 | 3;
}) {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const [turns, setTurns] = useState<Turn[]>(() => (initialTurns ?? []).map(pastTurn));
  const [threadId, setThreadId] = useState<string | undefined>(startThread);
  const [question, setQuestion] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const counter = useRef(0);
  useEffect(() => () => abort.current?.abort(), []);

  async function ask(text: string) {
    const q = text.trim();
    if (!q || busy) return;
    const key = `t${++counter.current}`;
    const update = (f: (t: Turn) => Turn) => setTurns((ts) => ts.map((t) => (t.key === key ? f(t) : t)));
    setTurns((ts) => [...ts, { key, question: q, answer: "", citations: [], streaming: true }]);
    setQuestion("");
    setBusy(true);
    setStatus("Answering…");
    const controller = new AbortController();
    abort.current = controller;
    try {
      const res = await bff("/api/v1/ai/ask", {
        method: "POST",
        headers: { accept: "text/event-stream, application/problem+json" },
        body: JSON.stringify({ question: q, threadId, postId }),
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        const detail = await problemOf(res, `The question was not answered (HTTP ${res.status}).`);
        update((t) => ({ ...t, streaming: false, error: detail }));
        setStatus(detail);
        return;
      }
      let finished = false;
      await readEvents(res.body, (e) => {
        const ev = decodeAskEvent(e.event, e.data);
        if (!ev) return;
        if (ev.kind === "sources") update((t) => ({ ...t, citations: ev.sources.citations ?? [] }));
        else if (ev.kind === "piece") update((t) => ({ ...t, answer: t.answer + ev.text }));
        else if (ev.kind === "error") {
          finished = true;
          const detail = ev.problem.detail ?? ev.problem.title ?? "The answer could not be completed.";
          update((t) => ({ ...t, streaming: false, error: detail }));
          setStatus(detail);
        } else {
          finished = true;
          const done = ev.done;
          update((t) => ({ ...t, streaming: false, done }));
          setStatus(done.uncertain ? "Answered: the posts do not cover this question." : "Answer complete.");
          if (done.threadId) {
            setThreadId(done.threadId);
            if (trackThreadInUrl) window.history.replaceState(null, "", `/ask?thread=${encodeURIComponent(done.threadId)}`);
          }
        }
      }, controller.signal);
      if (!finished) {
        const detail = controller.signal.aborted ? "Stopped." : "The answer stopped before it was complete; please ask again.";
        update((t) => ({ ...t, streaming: false, error: detail }));
        setStatus(detail);
      }
    } catch {
      const detail = controller.signal.aborted ? "Stopped." : "The question could not be sent; check your connection and try again.";
      update((t) => ({ ...t, streaming: false, error: detail }));
      setStatus(detail);
    } finally {
      abort.current = null;
      setBusy(false);
    }
  }

  function startOver() {
    setTurns([]);
    setThreadId(undefined);
    setStatus("");
    if (trackThreadInUrl) window.history.replaceState(null, "", "/ask");
  }

  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const label = turns.length ? "Ask a follow-up" : postTitle ? `Your question about “${postTitle}”` : "Your question";
  return (
    <section className="ask" aria-labelledby={`${prefix}-h`}>
      <H id={`${prefix}-h`}>{postId ? "Ask about this post" : "Ask the posts"}</H>
      <p className="meta">Answers quote the posts on this site and link to the passages they come from.</p>
      <noscript><p>Asking needs JavaScript.</p></noscript>
      {turns.length > 0 && (
        <ol className="ask-turns">
          {turns.map((t) => (
            <li key={t.key} className="ask-turn">
              <p className="ask-q"><strong>You asked:</strong> {t.question}</p>
              <div className="ask-answer" aria-busy={t.streaming}>
                {t.done?.uncertain ? (
                  <div className="notice uncertain">
                    <p><strong>Not covered by the posts.</strong> {t.answer}</p>
                  </div>
                ) : (
                  t.answer && <p>{answerParts(t.answer).map((p, i) => ("ref" in p
                    ? (t.citations.some((c) => (c.number ?? 0) === p.ref)
                      ? <sup key={i}><a href={`#${prefix}-${t.key}-src-${p.ref}`} aria-label={`source ${p.ref}`}>[{p.ref}]</a></sup>
                      : <span key={i}>[{p.ref}]</span>)
                    : <span key={i}>{p.text}</span>))}</p>
                )}
                {t.streaming && !t.answer && <p className="meta">{t.citations.length ? "Reading the sources…" : "Searching the posts…"}</p>}
                {t.error && <p className="error">{t.error}</p>}
              </div>
              {t.citations.length > 0 && (
                <>
                  <Sub className="sources-h">{t.done?.uncertain ? "Closest passages" : "Sources"}</Sub>
                  <ol className="sources">
                    {t.citations.map((c, i) => (
                      <li key={`${c.postId}-${i}`} id={`${prefix}-${t.key}-src-${c.number ?? i + 1}`}>
                        <a href={c.url ?? `/posts/${c.slug}`}>{c.title}</a>
                        {c.headingPath && <span className="meta"> · {c.headingPath}</span>}
                        {c.premium && <span className="meta"> · Premium</span>}
                        {c.snippet && <p className="meta">{c.snippet}</p>}
                      </li>
                    ))}
                  </ol>
                </>
              )}
              {t.done && !t.done.uncertain && t.done.label && <p className="meta">{t.done.label}</p>}
              {t.done?.answerId && <Feedback answerId={t.done.answerId} />}
              {t.done?.suggestions && t.done.suggestions.length > 0 && (
                <div className="suggestions" role="group" aria-label="Suggested follow-ups">
                  {t.done.suggestions.map((s) => <button key={s} type="button" onClick={() => ask(s)} disabled={busy}>{s}</button>)}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <form className="stack ask-form" onSubmit={(e) => { e.preventDefault(); void ask(question); }}>
        <label htmlFor={`${prefix}-q`}>{label}</label>
        <textarea id={`${prefix}-q`} value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} maxLength={1000} required
          onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void ask(question); } }} />
        <div className="row">
          <button className="primary" type="submit" disabled={busy}>{turns.length ? "Ask follow-up" : "Ask"}</button>
          {busy && <button type="button" onClick={() => abort.current?.abort()}>Stop</button>}
          {!busy && turns.length > 0 && <button type="button" onClick={startOver}>New conversation</button>}
        </div>
      </form>
      <p role="status" className="meta">{status}</p>
      {!trackThreadInUrl && threadId && !busy && <p className="meta"><a href={`/ask?thread=${encodeURIComponent(threadId)}`}>Open this conversation in Ask AI</a>: it is kept there with its sources.</p>}
    </section>
  );
}

function Feedback({ answerId }: { answerId: string }) {
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [reason, setReason] = useState("");
  const [msg, setMsg] = useState("");
  const reasonId = useId();
  async function send(value: boolean, why?: string) {
    const r = await bff(`/api/v1/ai/answers/${encodeURIComponent(answerId)}/feedback`, { method: "POST", body: JSON.stringify({ helpful: value, reason: why || undefined }) });
    if (r.status === 401) { setMsg("Sign in to rate answers."); return; }
    if (!r.ok) { setMsg(await problemOf(r, "Your rating was not saved.")); return; }
    setHelpful(value);
    setMsg(why ? "Thanks, your reason was saved." : "Thanks for the feedback.");
  }
  return (
    <div className="feedback">
      <div role="group" aria-label="Was this answer helpful?" className="row">
        <span className="meta">Helpful?</span>
        <button type="button" aria-pressed={helpful === true} onClick={() => send(true)}><span aria-hidden="true">👍</span> Yes</button>
        <button type="button" aria-pressed={helpful === false} onClick={() => send(false)}><span aria-hidden="true">👎</span> No</button>
      </div>
      {helpful === false && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void send(false, reason.trim()); }}>
          <label htmlFor={reasonId}>What was wrong? (optional)</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <button type="submit">Send reason</button>
        </form>
      )}
      {msg && <p role="status" className="meta">{msg}</p>}
    </div>
  );
}
