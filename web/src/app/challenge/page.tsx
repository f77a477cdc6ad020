import { learningApi, type LearningSchemas } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { ChallengeForm } from "@/components/learning/ChallengeForm";

export const metadata = { title: "Daily challenge", robots: { index: false } };

export default async function Challenge() {
  const token = await requireUser("/challenge");
  const api = learningApi(token);
  const [today, daily, allTime] = await Promise.all([
    api.GET("/api/v1/challenges/today"),
    api.GET("/api/v1/challenges/leaderboard", { params: { query: { period: "daily" } } }),
    api.GET("/api/v1/challenges/leaderboard", { params: { query: { period: "all-time" } } }),
  ]);
  const c = today.data;
  return (
    <>
      <h1>Daily challenge</h1>
      {c ? (
        <section className="card" aria-labelledby="challenge-h">
          <h2 id="challenge-h">{c.title}</h2>
          <p className="meta">{c.day} (UTC) · {c.kind === "CODE" ? "code" : c.kind === "TEXT" ? "short answer" : "multiple choice"}</p>
          <p className="prompt">{c.prompt}</p>
          <ChallengeForm challenge={c} />
        </section>
      ) : (
        <p className="notice" role="status">{today.error?.detail ?? today.error?.title ?? "No challenge today."}</p>
      )}
      <div className="two">
        <Board label="Today" board={daily} />
        <Board label="All time" board={allTime} />
      </div>
    </>
  );
}

function Board({ label, board }: { label: string; board: { data?: LearningSchemas["Leaderboard"]; error?: LearningSchemas["Problem"] } }) {
  const entries = board.data?.entries ?? [];
  return (
    <section aria-label={`${label} leaderboard`}>
      <h2>{label}</h2>
      {board.error ? <p className="meta">{board.error.detail ?? board.error.title}</p> : entries.length === 0 ? <p className="meta">Nobody yet.</p> : (
        <table>
          <thead><tr><th scope="col">#</th><th scope="col">Learner</th><th scope="col">Solved</th><th scope="col">Attempts</th></tr></thead>
          <tbody>{entries.map((e) => <tr key={e.userId}><td>{e.rank}</td><td>{e.displayName}</td><td>{e.solved}</td><td>{e.attempts}</td></tr>)}</tbody>
        </table>
      )}
    </section>
  );
}
