import { learningApi } from "@/api/client";
import { day, percent } from "@/lib/when";

// Beside a quiz: the best scores of everyone (leaderboard) and this reader's own attempts.
export async function QuizBoard({ token, postId, seriesId }: { token: string; postId?: string; seriesId?: string }) {
  const api = learningApi(token);
  const query = postId ? { postId } : { seriesId };
  const [board, history] = await Promise.all([
    api.GET("/api/v1/quizzes/leaderboard", { params: { query } }),
    api.GET("/api/v1/quizzes/attempts", { params: { query } }),
  ]);
  const entries = board.data?.entries ?? [];
  const mine = (history.data?.attempts ?? []).filter((a) => a.submittedAt);
  return (
    <div className="two">
      <section aria-labelledby="board-h">
        <h2 id="board-h">Leaderboard</h2>
        {board.error && <p className="error" role="alert">{board.error.detail ?? board.error.title}</p>}
        {entries.length === 0 ? <p className="meta">Nobody has taken this quiz yet.</p> : (
          <table>
            <thead><tr><th scope="col">#</th><th scope="col">Learner</th><th scope="col">Best score</th></tr></thead>
            <tbody>{entries.map((e) => <tr key={e.userId}><td>{e.rank}</td><td>{e.displayName}</td><td>{percent(e.bestScore)}</td></tr>)}</tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="history-h">
        <h2 id="history-h">Your attempts</h2>
        {mine.length === 0 ? <p className="meta">None yet.</p> : (
          <>
            <p className="meta">Best: {percent(history.data?.bestScore)}</p>
            <ul className="plain">{mine.map((a) => <li key={a.id}>{day(a.submittedAt)}: {percent(a.score)} {a.passed ? "passed" : "not passed"}</li>)}</ul>
          </>
        )}
      </section>
    </div>
  );
}
