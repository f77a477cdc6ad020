import Link from "next/link";
import { learningApi, type LearningSchemas } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { csrfToken } from "@/lib/session";
import { boardOf } from "@/lib/leaderboards";
import { Flash } from "@/components/Flash";
import { OptOut } from "@/components/learning/OptOut";

export const metadata = { title: "Leaderboards", robots: { index: false } };

type Board = LearningSchemas["XpLeaderboard"];

function Table({ board, caption }: { board?: Board; caption: string }) {
  const entries = board?.entries ?? [];
  if (entries.length === 0) return <p className="meta">Nobody on this board yet.</p>;
  return (
    <table>
      <caption className="skip">{caption}</caption>
      <thead><tr><th scope="col">#</th><th scope="col">Learner</th><th scope="col">XP</th></tr></thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.userId} className={e.you ? "you" : undefined}>
            <td>{e.rank}</td>
            <td>{e.displayName}{e.title && <span className="meta"> · {e.title}</span>}{e.you && <strong> (you)</strong>}</td>
            <td>{e.xp ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function Leaderboards({ searchParams }: { searchParams: Promise<{ board?: string; notice?: string; error?: string }> }) {
  const sp = await searchParams;
  const board = boardOf(sp.board);
  const token = await requireUser(`/leaderboards?board=${board}`);
  const api = learningApi(token);
  const [top, me, choice, csrf] = await Promise.all([
    api.GET("/api/v1/gamification/leaderboards/{board}", { params: { path: { board }, query: { limit: 20 } } }),
    api.GET("/api/v1/gamification/leaderboards/{board}/me", { params: { path: { board }, query: { around: 2 } } }),
    api.GET("/api/v1/gamification/leaderboards/opt-out"),
    csrfToken(),
  ]);
  const optedOut = choice.data?.optOut;
  const label = board === "week" ? "This week" : "All time";
  return (
    <>
      <h1>Leaderboards</h1>
      <nav aria-label="Boards" className="row">
        <Link className="button" aria-current={board === "week" ? "page" : undefined} href="/leaderboards?board=week">This week</Link>
        <Link className="button" aria-current={board === "all-time" ? "page" : undefined} href="/leaderboards?board=all-time">All time</Link>
      </nav>
      <Flash notice={sp.notice} error={sp.error} />
      {(top.error ?? me.error) && <p className="error" role="alert">{(top.error ?? me.error)?.detail}</p>}
      <div className="two">
        <section aria-labelledby="top-h">
          <h2 id="top-h">{label}: top 20</h2>
          <Table board={top.data} caption={`${label}: top 20`} />
        </section>
        <section aria-labelledby="me-h">
          <h2 id="me-h">Around you</h2>
          {(me.data?.entries ?? []).length > 0 ? <Table board={me.data} caption="Around you" />
            : optedOut ? <p className="meta">You are not on this board: you chose to hide from the leaderboards.</p>
            : <p className="meta">You are not on this board yet: earn XP by reading, reviewing and passing quizzes.</p>}
        </section>
      </div>
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">Privacy</h2>
        {optedOut === undefined
          ? <p className="error" role="alert">{choice.error?.detail ?? "Whether you are shown on the leaderboards could not be loaded; please try again."}</p>
          : <OptOut optedOut={optedOut} csrf={csrf} board={board} />}
      </section>
    </>
  );
}
