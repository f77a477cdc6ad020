import Link from "next/link";
import { contentApi, learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { tags } from "@/lib/posts";
import { day, percent } from "@/lib/when";

export const metadata = { title: "Quizzes", robots: { index: false } };

export default async function Quizzes() {
  const token = await requireUser("/quizzes");
  const api = learningApi(token);
  const [series, summary, history] = await Promise.all([
    contentApi(undefined, { tags: [tags.series], revalidate: 60 }).GET("/api/v1/series"),
    api.GET("/api/v1/progress"),
    api.GET("/api/v1/quizzes/attempts", { params: { query: {} } }),
  ]);
  const titles = new Map((series.data ?? []).map((s) => [s.id, s.title]));
  const posts = new Map((summary.data?.recent ?? []).map((p) => [p.postId, p]));
  const attempts = (history.data?.attempts ?? []).filter((a) => a.submittedAt).slice(0, 10);
  return (
    <>
      <h1>Quizzes</h1>
      {history.error && <p className="error" role="alert">{history.error.detail ?? history.error.title}</p>}
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">On what you read lately</h2>
        {(summary.data?.recent ?? []).length === 0 ? <p className="meta">Read a post, then quiz yourself on it (every post has a “Quiz yourself” button).</p> : (
          <ul className="plain">
            {(summary.data?.recent ?? []).map((p) => (
              <li key={p.postId}><Link href={`/quizzes/post/${p.slug}`}>Quiz: {p.title}</Link></li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="series-h">
        <h2 id="series-h">Series final quizzes</h2>
        {(series.data ?? []).length === 0 ? <p className="meta">No series yet.</p> : (
          <ul className="plain">
            {(series.data ?? []).map((s) => (
              <li key={s.id}><Link href={`/quizzes/series/${s.slug}`}>Final quiz: {s.title}</Link> <span className="meta">{s.publishedPosts} posts</span></li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="attempts-h">
        <h2 id="attempts-h">Your last attempts</h2>
        {attempts.length === 0 ? <p className="meta">None yet.</p> : (
          <table>
            <thead><tr><th scope="col">Quiz</th><th scope="col">Date</th><th scope="col">Score</th><th scope="col">Result</th></tr></thead>
            <tbody>
              {attempts.map((a) => {
                const post = a.postId ? posts.get(a.postId) : undefined;
                const name = a.seriesId ? `Series: ${titles.get(a.seriesId) ?? "a series"}` : post ? post.title : "A post";
                return <tr key={a.id}><td>{name}</td><td>{day(a.submittedAt)}</td><td>{percent(a.score)}</td><td>{a.passed ? "passed" : "not passed"}</td></tr>;
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
