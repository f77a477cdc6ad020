"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { LearningSchemas } from "@/api/client";
import { call, messageOf } from "./api";

type View = LearningSchemas["ChallengeView"];
type Submission = LearningSchemas["SubmissionResponse"];

export function ChallengeForm({ challenge }: { challenge: View }) {
  const router = useRouter();
  const [selected, setSelected] = useState<number | null>(null);
  const [answer, setAnswer] = useState(challenge.starterCode ?? "");
  const [outcome, setOutcome] = useState<Submission | null>(null);
  const [error, setError] = useState("");
  const solved = outcome?.solved ?? challenge.me?.solved ?? false;
  const left = outcome?.attemptsLeft ?? challenge.me?.attemptsLeft ?? challenge.maxAttempts ?? 0;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError("");
    try {
      const body = challenge.kind === "MULTIPLE_CHOICE" ? { selected } : { answer };
      const r = await call<Submission>(`/api/v1/challenges/days/${challenge.day}/submissions`, { method: "POST", body: JSON.stringify(body) });
      setOutcome(r);
      router.refresh();
    } catch (err) { setError(messageOf(err)); }
  }
  const explanation = outcome?.explanation ?? challenge.explanation;
  return (
    <form onSubmit={submit} className="stack wide">
      {challenge.kind === "MULTIPLE_CHOICE" ? (
        <fieldset>
          <legend>Your answer</legend>
          {(challenge.options ?? []).map((o, i) => (
            <label key={i} className="inline option"><input type="radio" name="choice" checked={selected === i} onChange={() => setSelected(i)} disabled={solved || left === 0} /> {o}</label>
          ))}
        </fieldset>
      ) : (
        <label>Your answer{challenge.language ? ` (${challenge.language})` : ""}
          {challenge.kind === "CODE"
            ? <textarea className="code" rows={10} value={answer} onChange={(e) => setAnswer(e.target.value)} disabled={solved || left === 0} spellCheck={false} />
            : <input type="text" value={answer} onChange={(e) => setAnswer(e.target.value)} disabled={solved || left === 0} />}
        </label>
      )}
      {!solved && left > 0 && <div><button className="primary" type="submit" disabled={challenge.kind === "MULTIPLE_CHOICE" && selected === null}>Submit</button></div>}
      <div role="status" aria-live="polite">
        {outcome && <p>{outcome.correct ? "Correct: solved!" : `Not quite. ${outcome.attemptsLeft ?? 0} attempt${outcome.attemptsLeft === 1 ? "" : "s"} left.`}</p>}
        {!outcome && solved && <p>You solved today’s challenge.</p>}
        {!outcome && !solved && <p className="meta">{left} of {challenge.maxAttempts} attempts left.</p>}
      </div>
      {explanation && <p className="notice">{explanation}</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
