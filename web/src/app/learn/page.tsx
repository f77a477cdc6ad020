import Link from "next/link";
import { learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { day } from "@/lib/when";
import { RemoveBookmark } from "@/components/learning/RemoveBookmark";

export const metadata = { title: "My learning", robots: { index: false } };

export default async function Learn() {
  const token = await requireUser("/learn");
  const api = learningApi(token);
  const [summary, cont, series, xp, streak, badges, bookmarks, notes, queue] = await Promise.all([
    api.GET("/api/v1/progress"),
    api.GET("/api/v1/progress/continue"),
    api.GET("/api/v1/progress/series"),
    api.GET("/api/v1/gamification/xp"),
    api.GET("/api/v1/gamification/streak", { params: { query: {} } }),
    api.GET("/api/v1/gamification/badges"),
    api.GET("/api/v1/bookmarks", { params: { query: { limit: 20 } } }),
    api.GET("/api/v1/notes", { params: { query: { limit: 20 } } }),
    api.GET("/api/v1/srs/queue", { params: { query: { limit: 1 } } }),
  ]);
  const failed = [summary, cont, series, xp, streak, badges, bookmarks, notes, queue].find((r) => r.error);
  const s = summary.data;
  const c = cont.data;
  const x = xp.data;
  const st = streak.data?.streak;
  const earned = (badges.data?.badges ?? []).filter((b) => b.earned);
  const next = (badges.data?.badges ?? []).filter((b) => !b.earned).slice(0, 3);
  const span = x && x.nextLevelAt != null && x.levelStartsAt != null ? Math.max(1, x.nextLevelAt - x.levelStartsAt) : 1;
  const into = x && x.levelStartsAt != null ? (x.total ?? 0) - x.levelStartsAt : 0;
  return (
    <>
      <h1>My learning</h1>
      {failed?.error && <p className="error" role="alert">{failed.error.detail ?? failed.error.title}</p>}
      <nav aria-label="Learning" className="row">
        <Link className="button" href="/review">Review cards{queue.data ? ` (${queue.data.dueCount ?? 0} due)` : ""}</Link>
        <Link className="button" href="/quizzes">Quizzes</Link>
        <Link className="button" href="/challenge">Daily challenge</Link>
        <Link className="button" href="/leaderboards">Leaderboards</Link>
        <Link className="button" href="/certificates">Certificates</Link>
      </nav>

      <div className="stats">
        <section className="card" aria-labelledby="xp-h">
          <h2 id="xp-h">Level {x?.level ?? 1}</h2>
          <p data-testid="xp-total"><strong>{x?.total ?? 0} XP</strong></p>
          {x?.nextLevelAt != null && (
            <>
              <progress value={into} max={span} aria-label="Progress to the next level" />
              <p className="meta">{Math.max(0, x.nextLevelAt - (x.total ?? 0))} XP to level {(x.level ?? 1) + 1}</p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="streak-h">
          <h2 id="streak-h">Streak</h2>
          <p><strong>{st?.current ?? 0} day{st?.current === 1 ? "" : "s"}</strong></p>
          <p className="meta">Longest {st?.longest ?? 0} · {st?.freezes ?? 0} freeze{st?.freezes === 1 ? "" : "s"} · {st?.activeToday ? "studied today" : "not yet today"}</p>
        </section>
        <section className="card" aria-labelledby="read-h">
          <h2 id="read-h">Reading</h2>
          <p><strong>{s?.postsRead ?? 0}</strong> of {s?.publishedPosts ?? 0} posts ({s?.percentOfCatalogue ?? 0}%)</p>
          <p className="meta">{Math.round((s?.secondsSpent ?? 0) / 60)} min reading · {s?.seriesCompleted ?? 0} series completed</p>
        </section>
      </div>

      <section aria-labelledby="continue-h">
        <h2 id="continue-h">Continue reading</h2>
        {c?.post ? (
          <p>
            <Link href={`/posts/${c.post.slug}`}>{c.post.title}</Link>{" "}
            <span className="meta">{c.reason === "IN_PROGRESS" ? `${Math.round(c.depthPercent ?? 0)}% read` : "next in your series"}</span>
          </p>
        ) : (
          <p className="meta">Nothing in progress. <Link href="/">Find something to read</Link>.</p>
        )}
      </section>

      <section aria-labelledby="series-h">
        <h2 id="series-h">Series</h2>
        {(series.data ?? []).length === 0 ? <p className="meta">You have not started a series yet. <Link href="/series">Browse the series</Link>.</p> : (
          <ul className="cards">
            {(series.data ?? []).map((p) => (
              <li key={p.seriesId} className="card">
                <h3><Link href={`/series/${p.slug}`}>{p.title}</Link></h3>
                <progress value={p.readPosts ?? 0} max={Math.max(1, p.totalPosts ?? 1)} aria-label={`${p.title}: ${p.readPosts ?? 0} of ${p.totalPosts ?? 0} posts read`} />
                <p className="meta">
                  {p.readPosts ?? 0} of {p.totalPosts ?? 0} posts read{p.completed ? " · completed" : ""}
                  {p.nextPost && <> · next: <Link href={`/posts/${p.nextPost.slug}`}>{p.nextPost.title}</Link></>}
                  {p.slug && <> · <Link href={`/quizzes/series/${p.slug}`}>Final quiz</Link></>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="badges-h">
        <h2 id="badges-h">Badges</h2>
        {earned.length === 0 ? <p className="meta">No badges yet.</p> : (
          <ul className="tags">
            {earned.map((b) => <li key={b.id} className="badge" title={b.description}>{b.name}{b.times && b.times > 1 ? ` ×${b.times}` : ""}</li>)}
          </ul>
        )}
        {next.length > 0 && (
          <p className="meta">Next: {next.map((b) => `${b.name} (${b.current ?? 0}/${b.target ?? 0})`).join(" · ")}</p>
        )}
      </section>

      <section aria-labelledby="bookmarks-h">
        <h2 id="bookmarks-h">Bookmarks</h2>
        {(bookmarks.data?.items ?? []).length === 0 ? <p className="meta">No bookmarks yet.</p> : (
          <ul className="plain">
            {(bookmarks.data?.items ?? []).map((b) => (
              <li key={b.postId}>
                <Link href={`/posts/${b.slug}`}>{b.title}</Link> <span className="meta">{b.readingMinutes} min · saved {day(b.bookmarkedAt)}</span>{" "}
                {b.postId && <RemoveBookmark postId={b.postId} title={b.title ?? ""} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="notes-h">
        <h2 id="notes-h">Notes</h2>
        <p><a href="/bff/api/v1/notes/export" download="study-notes.md">Export all notes (Markdown)</a></p>
        {(notes.data?.items ?? []).length === 0 ? <p className="meta">No notes yet: write one under any post.</p> : (
          <ul className="plain">
            {(notes.data?.items ?? []).map((n) => (
              <li key={n.id}>
                <p className="note-body">{n.body}</p>
                <p className="meta">on <Link href={`/posts/${n.postSlug}`}>{n.postTitle}</Link> · {day(n.updatedAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(s?.recent ?? []).length > 0 && (
        <section aria-labelledby="recent-h">
          <h2 id="recent-h">Recently read</h2>
          <ul className="plain">
            {(s?.recent ?? []).map((r) => (
              <li key={r.postId}><Link href={`/posts/${r.slug}`}>{r.title}</Link> <span className="meta">{r.read ? "read" : `${Math.round(r.depthPercent ?? 0)}%`} · {day(r.lastSeenAt)}</span></li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
