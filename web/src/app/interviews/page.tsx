import Link from "next/link";
import { contentApi, learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { tags } from "@/lib/posts";
import { day, percent } from "@/lib/when";
import { StartInterview } from "@/components/learning/Interview";

export const metadata = { title: "Mock interviews", robots: { index: false } };

export default async function Interviews() {
  const token = await requireUser("/interviews");
  const [sessions, series] = await Promise.all([
    learningApi(token).GET("/api/v1/interviews"),
    contentApi(undefined, { tags: [tags.series], revalidate: 60 }).GET("/api/v1/series"),
  ]);
  const titles = new Map((series.data ?? []).map((s) => [s.id, s.title]));
  const list = sessions.data?.sessions ?? [];
  return (
    <>
      <h1>Mock interviews</h1>
      <p className="meta">Answer open questions on a series or a tag, one at a time; each answer is graded against the author’s reference.</p>
      {sessions.error && <p className="error" role="alert">{sessions.error.detail ?? sessions.error.title}</p>}
      <section aria-labelledby="start-h">
        <h2 id="start-h">Start one</h2>
        <StartInterview series={(series.data ?? []).flatMap((s) => (s.id ? [{ id: s.id, title: s.title ?? "" }] : []))} />
      </section>
      <section aria-labelledby="past-h">
        <h2 id="past-h">Your interviews</h2>
        {list.length === 0 ? <p className="meta">None yet.</p> : (
          <ul className="plain">
            {list.map((s) => (
              <li key={s.id}>
                <Link href={`/interviews/${s.id}`}>{s.seriesId ? titles.get(s.seriesId) ?? "A series" : `#${s.tag}`}</Link>{" "}
                <span className="meta">{day(s.startedAt)} · {s.completedAt ? `score ${percent(s.score)}` : "in progress"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
