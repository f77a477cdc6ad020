import Link from "next/link";
import { aiApi, type AiSchemas } from "@/api/client";
import { AskPanel } from "@/components/ai/AskPanel";
import { accessToken } from "@/lib/session";

export const metadata = { title: "Ask AI", description: "Ask a question; the answer quotes the posts and links to them.", robots: { index: false } };
export const dynamic = "force-dynamic";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function problemText(res: Response | undefined, error: unknown, fallback: string): Promise<string> {
  const p = error as { detail?: string; title?: string } | undefined;
  if (p && (p.detail || p.title)) return p.detail ?? p.title ?? fallback;
  return res ? `${fallback} (HTTP ${res.status})` : fallback;
}

// Ask across the whole site. Signed-in readers keep threads: the list links to each (?thread=ID), whose
// questions and answers are shown and continued with follow-ups.
export default async function Ask({ searchParams }: { searchParams: Promise<{ thread?: string }> }) {
  const token = await accessToken();
  const thread = (await searchParams).thread;
  const api = aiApi(token);
  let threads: AiSchemas["ThreadSummary"][] = [];
  let turns: AiSchemas["Turn"][] | undefined;
  let problem = "";
  if (token) {
    try {
      const list = await api.GET("/api/v1/ai/threads");
      if (list.data) threads = list.data;
      else problem = await problemText(list.response, list.error, "Your earlier questions could not be loaded.");
      if (thread && uuid.test(thread)) {
        const one = await api.GET("/api/v1/ai/threads/{threadId}", { params: { path: { threadId: thread } } });
        if (one.data) turns = one.data.turns ?? [];
        else problem = await problemText(one.response, one.error, "That conversation could not be loaded.");
      } else if (thread) {
        problem = "That is not a conversation address.";
      }
    } catch {
      problem = "Ask AI is unavailable right now; please try again in a minute.";
    }
  }
  const current = turns ? thread : undefined;
  return (
    <>
      <h1>Ask AI</h1>
      <p>Ask anything the posts on this site cover. The answer quotes the posts and links to every passage it uses; when the posts do not cover a question, it says so.</p>
      {problem && <p className="error" role="alert">{problem}</p>}
      <div className="ask-layout">
        <div>
          {/* a new key per thread: switching threads starts the panel afresh */}
          <AskPanel key={current ?? "new"} threadId={current} initialTurns={turns} trackThreadInUrl={Boolean(token)} />
        </div>
        <aside aria-labelledby="threads-h" className="ask-threads">
          <h2 id="threads-h">Your conversations</h2>
          {!token && <p><Link href="/signin?next=/ask">Sign in</Link> to keep your questions and come back to them.</p>}
          {token && (
            <>
              <p><Link href="/ask" className="button">New conversation</Link></p>
              {threads.length === 0 ? <p className="meta">No conversations yet.</p> : (
                <ul className="thread-list">
                  {threads.map((t) => (
                    <li key={t.id}>
                      <Link href={`/ask?thread=${t.id}`} aria-current={t.id === current ? "page" : undefined}>{t.firstQuestion || "Untitled"}</Link>
                      <span className="meta"> · {t.turns} {t.turns === 1 ? "question" : "questions"}{t.createdAt && <> · <time dateTime={t.createdAt}>{t.createdAt.slice(0, 10)}</time></>}</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </aside>
      </div>
    </>
  );
}
