"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { LearningSchemas } from "@/api/client";
import { percent } from "@/lib/when";
import { call, messageOf } from "./api";

type Session = LearningSchemas["SessionResponse"];

export function StartInterview({ series }: { series: Array<{ id: string; title: string }> }) {
  const router = useRouter();
  const [seriesId, setSeriesId] = useState(series[0]?.id ?? "");
  const [tag, setTag] = useState("");
  const [count, setCount] = useState("5");
  const [limit, setLimit] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  async function start(e: React.FormEvent) {
    e.preventDefault();
    setError(""); setBusy(true);
    try {
      const body = { ...(tag.trim() ? { tag: tag.trim() } : { seriesId }), questions: Number(count), ...(limit ? { timeLimitSeconds: Number(limit) } : {}) };
      const s = await call<Session>("/api/v1/interviews", { method: "POST", body: JSON.stringify(body) });
      router.push(`/interviews/${s.id}`);
    } catch (err) { setError(messageOf(err)); setBusy(false); }
  }
  return (
    <form onSubmit={start} className="stack">
      <label>Series
        <select value={seriesId} onChange={(e) => setSeriesId(e.target.value)} disabled={Boolean(tag.trim())}>
          {series.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </select>
      </label>
      <label>…or a tag instead of a series<input type="text" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={60} /></label>
      <label>Questions (1–15)<input type="number" min={1} max={15} value={count} onChange={(e) => setCount(e.target.value)} required /></label>
      <label>Time per question in seconds (30–3600, empty for none)<input type="number" min={30} max={3600} value={limit} onChange={(e) => setLimit(e.target.value)} /></label>
      <div><button className="primary" type="submit" disabled={busy}>Start the interview</button></div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

export function InterviewSession({ initial }: { initial: Session }) {
  const [session, setSession] = useState(initial);
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const items = session.items ?? [];
  const current = items.find((i) => i.position === session.currentPosition && !i.feedback);
  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!current) return;
    setError(""); setBusy(true);
    try {
      setSession(await call<Session>(`/api/v1/interviews/${session.id}/answers`, { method: "POST", body: JSON.stringify({ position: current.position, answer }) }));
      setAnswer("");
    } catch (err) { setError(messageOf(err)); } finally { setBusy(false); }
  }
  return (
    <>
      {session.notice && <p className="notice">{session.notice}</p>}
      <ol className="plain">
        {items.filter((i) => i.feedback).map((i) => (
          <li key={i.position} className={`card ${(i.feedback?.score ?? 0) >= 0.5 ? "right" : "wrong"}`}>
            <p><strong>{(i.position ?? 0) + 1}. {i.prompt}</strong></p>
            <p className="note-body">{i.answer}</p>
            <p>{percent(i.feedback?.score)} · {i.feedback?.feedback}</p>
            {(i.feedback?.missingTerms ?? []).length > 0 && <p className="meta">Missing: {(i.feedback?.missingTerms ?? []).join(", ")}</p>}
            {i.feedback?.reread?.postSlug && <p className="meta">Reread <Link href={`/posts/${i.feedback.reread.postSlug}`}>{i.feedback.reread.postTitle}</Link></p>}
          </li>
        ))}
      </ol>
      {current && !session.completedAt && (
        <form onSubmit={send} className="stack wide">
          <label htmlFor="answer"><strong>{(current.position ?? 0) + 1}. {current.prompt}</strong></label>
          {session.timeLimitSeconds && <p className="meta">Answer within {session.timeLimitSeconds} seconds.</p>}
          <textarea id="answer" rows={6} value={answer} onChange={(e) => setAnswer(e.target.value)} required maxLength={8000} />
          <div><button className="primary" type="submit" disabled={busy}>Answer</button></div>
        </form>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {session.overall && (
        <section className="card" aria-labelledby="overall-h" role="status">
          <h2 id="overall-h">Overall: {percent(session.overall.score)}</h2>
          {session.overall.label && <p className="meta">{session.overall.label}</p>}
          {(session.overall.strengths ?? []).length > 0 && <p>Strengths: {(session.overall.strengths ?? []).join(", ")}</p>}
          {(session.overall.gaps ?? []).length > 0 && <p>Gaps: {(session.overall.gaps ?? []).join(", ")}</p>}
          {(session.overall.reread ?? []).length > 0 && (
            <p>Reread: {(session.overall.reread ?? []).map((r, k) => <span key={r.postId ?? k}>{k > 0 && ", "}<Link href={`/posts/${r.postSlug}`}>{r.postTitle}</Link></span>)}</p>
          )}
        </section>
      )}
    </>
  );
}
