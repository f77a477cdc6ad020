"use client";
import { useState } from "react";
import type { LearningSchemas } from "@/api/client";
import { fromNow } from "@/lib/when";
import { bff } from "../csrf";
import { call, messageOf, problemOf } from "./api";

type Card = LearningSchemas["CardResponse"];
type Settings = LearningSchemas["SettingsResponse"];

function CardRow({ card, onChange, onDelete, report }: { card: Card; onChange: (c: Card) => void; onDelete: (id: string) => void; report: (m: string, error?: boolean) => void }) {
  const [editing, setEditing] = useState(false);
  const [front, setFront] = useState(card.front ?? "");
  const [back, setBack] = useState(card.back ?? "");
  const id = card.id ?? "";
  async function save(e: React.FormEvent) {
    e.preventDefault();
    try {
      onChange(await call<Card>(`/api/v1/srs/cards/${id}`, { method: "PUT", body: JSON.stringify({ front, back }) }));
      setEditing(false);
      report("Card saved.");
    } catch (err) { report(messageOf(err), true); }
  }
  async function suspend() {
    try {
      onChange(await call<Card>(`/api/v1/srs/cards/${id}/${card.suspended ? "unsuspend" : "suspend"}`, { method: "POST" }));
      report(card.suspended ? "Card back in review." : "Card suspended.");
    } catch (err) { report(messageOf(err), true); }
  }
  async function remove() {
    if (!window.confirm("Delete this card and its review history?")) return;
    const r = await bff(`/api/v1/srs/cards/${id}`, { method: "DELETE" });
    if (!r.ok) { report(await problemOf(r), true); return; }
    onDelete(id);
    report("Card deleted.");
  }
  return (
    <li className="card">
      {editing ? (
        <form onSubmit={save} className="stack wide">
          <label>Front<textarea rows={2} value={front} onChange={(e) => setFront(e.target.value)} required /></label>
          <label>Back<textarea rows={2} value={back} onChange={(e) => setBack(e.target.value)} required /></label>
          <div className="row"><button className="primary" type="submit">Save</button><button type="button" onClick={() => setEditing(false)}>Cancel</button></div>
        </form>
      ) : (
        <>
          <p className="front">{card.front}</p>
          <p className="back meta">{card.back}</p>
          <p className="meta">
            {card.kind === "CLOZE" ? "Cloze" : "Basic"} · {card.suspended ? "suspended" : `${card.state?.toLowerCase() ?? "new"}, due ${fromNow(card.due)}`} · {card.reps ?? 0} reviews, {card.lapses ?? 0} lapses
            {card.sourceStatus && card.sourceStatus !== "CURRENT" ? ` · source ${card.sourceStatus.toLowerCase()}` : ""}
          </p>
          <div className="row">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Edit card: ${card.front}`}>Edit</button>
            <button type="button" onClick={suspend} aria-label={`${card.suspended ? "Unsuspend" : "Suspend"} card: ${card.front}`}>{card.suspended ? "Unsuspend" : "Suspend"}</button>
            <button type="button" onClick={remove} aria-label={`Delete card: ${card.front}`}>Delete</button>
          </div>
        </>
      )}
    </li>
  );
}

export function CardManager({ initial }: { initial: Card[] }) {
  const [cards, setCards] = useState(initial);
  const [kind, setKind] = useState<"BASIC" | "CLOZE">("BASIC");
  const [front, setFront] = useState("");
  const [back, setBack] = useState("");
  const [text, setText] = useState("");
  const [msg, setMsg] = useState("");
  const [error, setError] = useState("");
  const report = (m: string, isError = false) => { if (isError) { setError(m); setMsg(""); } else { setMsg(m); setError(""); } };

  async function create(e: React.FormEvent) {
    e.preventDefault();
    try {
      const body = kind === "BASIC" ? { kind, front, back } : { kind, text };
      const made = await call<Card[]>("/api/v1/srs/cards", { method: "POST", body: JSON.stringify(body) });
      setCards((l) => [...made, ...l]);
      setFront(""); setBack(""); setText("");
      report(`${made.length} card${made.length === 1 ? "" : "s"} added.`);
    } catch (err) { report(messageOf(err), true); }
  }

  return (
    <>
      <section aria-labelledby="new-card-h">
        <h2 id="new-card-h">New card</h2>
        <form onSubmit={create} className="stack wide">
          <fieldset className="row">
            <legend>Kind</legend>
            <label className="inline"><input type="radio" name="kind" checked={kind === "BASIC"} onChange={() => setKind("BASIC")} /> Question and answer</label>
            <label className="inline"><input type="radio" name="kind" checked={kind === "CLOZE"} onChange={() => setKind("CLOZE")} /> Cloze (fill the gap)</label>
          </fieldset>
          {kind === "BASIC" ? (
            <>
              <label>Front<textarea rows={2} value={front} onChange={(e) => setFront(e.target.value)} required /></label>
              <label>Back<textarea rows={2} value={back} onChange={(e) => setBack(e.target.value)} required /></label>
            </>
          ) : (
            <label>Text with gaps, like {"{{c1::answer}}"}<textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} required /></label>
          )}
          <div><button className="primary" type="submit">Add card</button></div>
        </form>
      </section>
      <div role="status" aria-live="polite">{msg && <p>{msg}</p>}</div>
      {error && <p className="error" role="alert">{error}</p>}
      <section aria-labelledby="cards-h">
        <h2 id="cards-h">Your cards ({cards.length})</h2>
        {cards.length === 0 ? <p className="meta">No cards yet.</p> : (
          <ul className="cards">
            {cards.map((c) => (
              <CardRow key={c.id} card={c} report={report}
                onChange={(n) => setCards((l) => l.map((x) => (x.id === n.id ? n : x)))}
                onDelete={(id) => setCards((l) => l.filter((x) => x.id !== id))} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function SrsSettingsForm({ initial }: { initial: Settings }) {
  const [retention, setRetention] = useState(String(initial.desiredRetention ?? 0.9));
  const [newPerDay, setNewPerDay] = useState(String(initial.newPerDay ?? 20));
  const [maxInterval, setMaxInterval] = useState(String(initial.maximumInterval ?? 36500));
  const [inbox, setInbox] = useState(Boolean(initial.inboxReview));
  const [msg, setMsg] = useState("");
  const [error, setError] = useState("");
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setMsg(""); setError("");
    try {
      const s = await call<Settings>("/api/v1/srs/settings", {
        method: "PUT",
        body: JSON.stringify({ desiredRetention: Number(retention), newPerDay: Number(newPerDay), maximumInterval: Number(maxInterval), inboxReview: inbox }),
      });
      setRetention(String(s.desiredRetention));
      setMsg("Settings saved.");
    } catch (err) { setError(messageOf(err)); }
  }
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">Review settings</h2>
      <form onSubmit={save} className="stack">
        <label>Desired retention (0.70–0.97): higher means more reviews
          <input type="number" min={0.7} max={0.97} step={0.01} value={retention} onChange={(e) => setRetention(e.target.value)} required />
        </label>
        <label>New cards per day<input type="number" min={0} max={1000} value={newPerDay} onChange={(e) => setNewPerDay(e.target.value)} required /></label>
        <label>Longest interval (days)<input type="number" min={1} max={36500} value={maxInterval} onChange={(e) => setMaxInterval(e.target.value)} required /></label>
        <label className="inline"><input type="checkbox" checked={inbox} onChange={(e) => setInbox(e.target.checked)} /> Send due cards to my inbox by e-mail</label>
        <div><button className="primary" type="submit">Save settings</button></div>
        <div role="status" aria-live="polite">{msg && <p>{msg}</p>}</div>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
