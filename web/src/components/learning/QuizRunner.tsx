"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { LearningSchemas } from "@/api/client";
import { percent } from "@/lib/when";
import { call, messageOf } from "./api";

type Attempt = LearningSchemas["AttemptResponse"];
type Question = LearningSchemas["QuestionView"];
type Result = LearningSchemas["ResultResponse"];
type Mistakes = LearningSchemas["MistakesAdded"];
type Answer = LearningSchemas["AnswerInput"];

const letter = (i: number) => String.fromCharCode(65 + i);

function QuestionField({ q, n, answer, set }: { q: Question; n: number; answer: Answer; set: (a: Answer) => void }) {
  const id = q.id ?? String(n);
  const selected = answer.selected ?? [];
  if (q.type === "MULTIPLE_CHOICE" || q.type === "MULTIPLE_ANSWERS") {
    const many = q.type === "MULTIPLE_ANSWERS";
    return (
      <fieldset className="question">
        <legend><span className="meta">{n}.</span> {q.prompt}{many && <span className="meta"> (choose all that apply)</span>}</legend>
        {(q.options ?? []).map((o, i) => (
          <label key={i} className="inline option">
            <input type={many ? "checkbox" : "radio"} name={`q-${id}`} checked={selected.includes(i)}
              onChange={(e) => set({ ...answer, selected: many ? (e.target.checked ? [...selected, i].sort() : selected.filter((s) => s !== i)) : [i] })} />
            {" "}{letter(i)}) {o}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="question">
      <label htmlFor={`q-${id}`}><span className="meta">{n}.</span> {q.prompt}</label>
      {q.type === "SHORT_TEXT"
        ? <textarea id={`q-${id}`} rows={3} value={answer.text ?? ""} onChange={(e) => set({ ...answer, text: e.target.value })} />
        : <input id={`q-${id}`} type="text" value={answer.text ?? ""} onChange={(e) => set({ ...answer, text: e.target.value })} />}
    </div>
  );
}

export function QuizResult({ result }: { result: Result }) {
  const [added, setAdded] = useState("");
  const [error, setError] = useState("");
  const wrong = (result.questions ?? []).filter((q) => !q.correct).length;
  async function addMistakes() {
    setError("");
    try {
      const m = await call<Mistakes>(`/api/v1/quizzes/attempts/${result.attemptId}/mistakes-to-review`, { method: "POST" });
      setAdded(`${m.cardsAdded ?? 0} review card${m.cardsAdded === 1 ? "" : "s"} added for ${m.mistakes ?? 0} mistake${m.mistakes === 1 ? "" : "s"}.`);
    } catch (e) { setError(messageOf(e)); }
  }
  return (
    <section aria-labelledby="result-h" className="quiz-result">
      <h2 id="result-h">Your result</h2>
      <p role="status" className={result.passed ? "notice" : "notice fail"} data-testid="quiz-score">
        <strong>{percent(result.score)}</strong> · {result.correct ?? 0} of {result.total ?? 0} right · {result.passed ? "Passed" : `Not passed (pass mark ${percent(result.passScore)})`}
      </p>
      <ol className="plain">
        {(result.questions ?? []).map((q, i) => (
          <li key={q.questionId ?? i} className={`card ${q.correct ? "right" : "wrong"}`}>
            <p><strong>{q.correct ? "✓ Right" : "✗ Wrong"}</strong> · {q.prompt}</p>
            {(q.options ?? []).length > 0 ? (
              <ul className="plain">
                {(q.options ?? []).map((o, k) => (
                  <li key={k}>
                    {letter(k)}) {o}
                    {(q.rightOptions ?? []).includes(k) && <strong> (right answer)</strong>}
                    {(q.yourSelection ?? []).includes(k) && <em> (your choice)</em>}
                  </li>
                ))}
              </ul>
            ) : (
              <p>Your answer: {q.yourAnswer || <em>none</em>} · Expected: {q.rightAnswer}</p>
            )}
            {q.feedback && <p className="meta">{q.feedback}</p>}
            {q.explanation && <p className="explanation">{q.explanation}</p>}
            {(q.missingTerms ?? []).length > 0 && <p className="meta">Missing: {(q.missingTerms ?? []).join(", ")}</p>}
            {q.reread?.postSlug && <p className="meta">Reread: <Link href={`/posts/${q.reread.postSlug}${q.reread.anchor ? `#${q.reread.anchor}` : ""}`}>{q.reread.postTitle}</Link>{q.reread.passage && <> — “{q.reread.passage}”</>}</p>}
          </li>
        ))}
      </ol>
      {wrong > 0 && <p><button type="button" onClick={addMistakes} disabled={Boolean(added)}>Add my mistakes to review</button></p>}
      {added && <p role="status">{added} <Link href="/review">Review now</Link></p>}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

// Takes a quiz: start an attempt (each start is a new attempt), answer, submit once, see the graded result.
export function QuizRunner({ postId, seriesId, purpose }: { postId?: string; seriesId?: string; purpose?: string }) {
  const router = useRouter();
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function start() {
    setError(""); setBusy(true); setResult(null);
    try {
      const a = await call<Attempt>("/api/v1/quizzes/attempts", { method: "POST", body: JSON.stringify({ postId, seriesId, purpose }) });
      setAttempt(a);
      setAnswers(Object.fromEntries((a.questions ?? []).map((q) => [q.id ?? "", { questionId: q.id ?? "" }])));
    } catch (e) { setError(messageOf(e)); } finally { setBusy(false); }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!attempt?.id) return;
    setError(""); setBusy(true);
    try {
      const r = await call<Result>(`/api/v1/quizzes/attempts/${attempt.id}/submission`, { method: "POST", body: JSON.stringify({ answers: Object.values(answers) }) });
      setResult(r);
      setAttempt(null);
      router.refresh(); // the leaderboard and history beside the quiz
    } catch (e) { setError(messageOf(e)); } finally { setBusy(false); }
  }

  return (
    <div className="quiz">
      {error && <p className="error" role="alert">{error}</p>}
      {result && <QuizResult result={result} />}
      {attempt ? (
        <form onSubmit={submit} className="stack wide">
          {attempt.notice && <p className="notice">{attempt.notice}</p>}
          {(attempt.questions ?? []).map((q, i) => (
            <QuestionField key={q.id} q={q} n={i + 1} answer={answers[q.id ?? ""] ?? { questionId: q.id ?? "" }}
              set={(a) => setAnswers((m) => ({ ...m, [q.id ?? ""]: a }))} />
          ))}
          {attempt.expiresAt && <p className="meta">Submit before {attempt.expiresAt.slice(11, 16)} UTC.</p>}
          <div><button className="primary" type="submit" disabled={busy}>Submit answers</button></div>
        </form>
      ) : (
        <p><button type="button" className="primary" onClick={start} disabled={busy}>{result ? "Take it again" : "Start the quiz"}</button></p>
      )}
    </div>
  );
}
