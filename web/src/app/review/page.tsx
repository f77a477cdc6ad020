import Link from "next/link";
import { learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { nextDue } from "@/lib/srs";
import { ReviewSession } from "@/components/learning/ReviewSession";

export const metadata = { title: "Review", robots: { index: false } };

export default async function Review() {
  const token = await requireUser("/review");
  const api = learningApi(token);
  const queue = await api.GET("/api/v1/srs/queue", { params: { query: { limit: 100 } } });
  const items = queue.data?.items ?? [];
  const cards = items.length === 0 ? await api.GET("/api/v1/srs/cards", { params: { query: { limit: 500 } } }) : null;
  return (
    <>
      <h1>Review</h1>
      <p className="meta">
        {queue.data ? <>{queue.data.dueCount ?? 0} due today · {queue.data.newRemaining ?? 0} new cards left today · </> : null}
        <Link href="/review/cards">Manage cards and settings</Link>
      </p>
      {queue.error && <p className="error" role="alert">{queue.error.detail ?? queue.error.title}</p>}
      <ReviewSession initial={items} initialNextDue={cards?.data ? nextDue(cards.data) : undefined} />
    </>
  );
}
