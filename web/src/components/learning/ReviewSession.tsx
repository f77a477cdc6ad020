"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LearningSchemas } from "@/api/client";
import { fromNow, when } from "@/lib/when";
import { nextDue } from "@/lib/srs";
import { call, messageOf } from "./api";

type Item = LearningSchemas["QueueItem"];
type Queue = LearningSchemas["QueueResponse"];
type Card = LearningSchemas["CardResponse"];
type Review = LearningSchemas["ReviewResponse"];

const grades: Array<[number, string]> = [[1, "Again"], [2, "Hard"], [3, "Good"], [4, "Easy"]];

// One review session over the due queue: front, reveal, grade (1-4), undo. Keyboard: Space reveals,
// 1-4 grade, U undoes the last grade.
export function ReviewSession({ initial, initialNextDue }: { initial: Item[]; initialNextDue?: string }) {
  const [items, setItems] = useState<Item[]>(initial);
  const [revealed, setRevealed] = useState(false);
  const [done, setDone] = useState<Item[]>([]);
  const [msg, setMsg] = useState("");
  const [error, setError] = useState("");
  const [next, setNext] = useState(initialNextDue);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(0);
  const current = items[0];

  useEffect(() => { shownAt.current = Date.now(); }, [current?.card?.id]);

  const refill = useCallback(async () => {
    const q = await call<Queue>("/api/v1/srs/queue?limit=100");
    setItems(q.items ?? []);
    if ((q.items ?? []).length === 0) setNext(nextDue(await call<Card[]>("/api/v1/srs/cards?limit=500")));
  }, []);

  const grade = useCallback(async (rating: number) => {
    const card = current?.card;
    if (!current || !card?.id || busy) return;
    setBusy(true); setError("");
    try {
      const r = await call<Review>(`/api/v1/srs/cards/${card.id}/reviews`, {
        method: "POST",
        body: JSON.stringify({ rating, durationMs: Math.min(86_400_000, Date.now() - shownAt.current), version: card.version ?? 0 }),
      });
      const label = grades.find(([n]) => n === rating)?.[1] ?? String(rating);
      setDone((d) => [current, ...d]);
      setMsg(`${label}: next review ${fromNow(r.card?.due)}.`);
      setRevealed(false);
      const rest = items.slice(1);
      setItems(rest);
      if (rest.length === 0) await refill();
    } catch (e) { setError(messageOf(e)); } finally { setBusy(false); }
  }, [current, busy, items, refill]);

  const undo = useCallback(async () => {
    const last = done[0];
    if (!last || busy) return;
    setBusy(true); setError("");
    try {
      const card = await call<Card>("/api/v1/srs/reviews/undo", { method: "POST" });
      setDone((d) => d.slice(1));
      setItems((l) => [{ ...last, card }, ...l.filter((i) => i.card?.id !== card.id)]);
      setRevealed(false);
      setMsg("Undone: the card is back.");
    } catch (e) { setError(messageOf(e)); } finally { setBusy(false); }
  }, [done, busy]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      if (e.key === " " && !revealed && current) {
        if (t?.tagName === "BUTTON") return; // the focused button handles Space itself
        e.preventDefault();
        setRevealed(true);
      } else if (/^[1-4]$/.test(e.key) && revealed) {
        e.preventDefault();
        void grade(Number(e.key));
      } else if (e.key === "u" || e.key === "U") {
        void undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, current, grade, undo]);

  const choice = (rating: number) => current?.choices?.find((c) => c.rating === rating);
  return (
    <div className="review">
      <p className="meta" data-testid="queue-left">{items.length} card{items.length === 1 ? "" : "s"} to review</p>
      {current?.card ? (
        <section className="card flash" aria-label="Card">
          <p className="meta">{current.card.state === "NEW" ? "New card" : current.card.state?.toLowerCase()}{current.card.kind === "CLOZE" ? " · cloze" : ""}</p>
          <div className="front" data-testid="card-front">{current.card.front}</div>
          {revealed ? (
            <>
              <hr />
              <div className="back" data-testid="card-back">{current.card.back}</div>
              <div className="row grades" role="group" aria-label="How well did you remember?">
                {grades.map(([n, label]) => (
                  <button key={n} type="button" className={n === 3 ? "primary" : undefined} disabled={busy} onClick={() => grade(n)}>
                    {label} <kbd>{n}</kbd>
                    {choice(n)?.due && <span className="meta"> {fromNow(choice(n)?.due)}</span>}
                  </button>
                ))}
              </div>
            </>
          ) : (
            <p><button type="button" className="primary" onClick={() => setRevealed(true)}>Show answer <kbd>Space</kbd></button></p>
          )}
        </section>
      ) : (
        <section className="card" aria-label="Nothing due">
          <h2>All done for now</h2>
          <p>{next ? <>The next card is due {fromNow(next)} (<time dateTime={next}>{when(next)} UTC</time>).</> : "You have no cards scheduled. Add some on the cards page or from a quiz's mistakes."}</p>
        </section>
      )}
      <p className="row">
        <button type="button" onClick={undo} disabled={done.length === 0 || busy}>Undo last grade <kbd>U</kbd></button>
      </p>
      <div role="status" aria-live="polite">{msg && <p>{msg}</p>}</div>
      {error && <p className="error" role="alert">{error}</p>}
      <p className="meta">Keys: Space shows the answer, 1 Again · 2 Hard · 3 Good · 4 Easy, U undoes.</p>
    </div>
  );
}
