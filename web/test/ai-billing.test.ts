import { test } from "node:test";
import assert from "node:assert/strict";
import { SseParser, readEvents, type SseEvent } from "../src/lib/sse.ts";
import { answerParts, decodeAskEvent, pastTurn } from "../src/lib/ask.ts";
import { day, formatMoney, monthlyEquivalent, perInterval, statusLabel } from "../src/lib/billing.ts";

test("server-sent events are parsed across chunk boundaries, CRLF, comments and multi-line data", () => {
  const p = new SseParser();
  const out: SseEvent[] = [];
  // Spring's SseEmitter writes "event:name" and "data:json" without a space
  out.push(...p.push("event:sources\ndata:{\"citations\":[]}\n\nevent:pi"));
  assert.equal(out.length, 1);
  out.push(...p.push("ece\r"));
  out.push(...p.push("\ndata: {\"text\":\"a\"}\r\n\r\n: keep-alive comment\n\n"));
  out.push(...p.push("data: one\ndata: two\n\n"));
  out.push(...p.push("event: done\ndata: {}"));
  out.push(...p.end());
  assert.deepEqual(out, [
    { event: "sources", data: "{\"citations\":[]}" },
    { event: "piece", data: "{\"text\":\"a\"}" },
    { event: "message", data: "one\ntwo" },
    { event: "done", data: "{}" },
  ]);
});

test("a streamed body is read event by event, even when a UTF-8 character is split between chunks", async () => {
  const bytes = new TextEncoder().encode("event:piece\ndata:{\"text\":\"“quoted” ✓\"}\n\nevent:done\ndata:{\"answerId\":\"a1\",\"uncertain\":false}\n\n");
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.slice(i, i + 5));
      c.close();
    },
  });
  const seen: string[] = [];
  await readEvents(body, (e) => {
    const ev = decodeAskEvent(e.event, e.data);
    if (ev?.kind === "piece") seen.push(ev.text);
    if (ev?.kind === "done") seen.push(`done:${ev.done.answerId}`);
  });
  assert.deepEqual(seen, ["“quoted” ✓", "done:a1"]);
});

test("ask events decode, an error event carries its problem, unknown events are skipped", () => {
  assert.deepEqual(decodeAskEvent("error", "{\"title\":\"Answer failed\",\"status\":503,\"detail\":\"try again\"}"), { kind: "error", problem: { title: "Answer failed", status: 503, detail: "try again" } });
  assert.equal(decodeAskEvent("heartbeat", "{}"), null);
  const s = decodeAskEvent("sources", "{\"question\":\"q\",\"citations\":[{\"number\":1,\"slug\":\"p\",\"url\":\"/posts/p#a\"}]}");
  assert.equal(s?.kind, "sources");
  if (s?.kind === "sources") assert.equal(s.sources.citations?.[0]?.url, "/posts/p#a");
});

test("a reopened thread's turn keeps the sources its answer cited; an answer stored without them has none", () => {
  const cited = { number: 1, postId: "p1", title: "Lazy streams", slug: "lazy", headingPath: "How", anchor: "how", url: "/posts/lazy#how", snippet: "Streams are lazy.", premium: false };
  const t = pastTurn({ answerId: "a1", question: "Why?", answer: "\"Streams are lazy.\" [1]", mode: "extractive", uncertain: false, at: "2026-11-30T10:00:00Z", citations: [cited] }, 0);
  assert.deepEqual(t, { key: "past-0", question: "Why?", answer: "\"Streams are lazy.\" [1]", citations: [cited], done: { answerId: "a1", mode: "extractive", uncertain: false }, streaming: false });
  assert.deepEqual(pastTurn({ answerId: "a0", question: "Old?", answer: "old", mode: "extractive", uncertain: true }, 1).citations, []);
});

test("citation markers are split out of the answer text", () => {
  assert.deepEqual(answerParts("\"Streams are lazy.\" [1] \"Collect.\" [2]"), [
    { text: "\"Streams are lazy.\" " }, { ref: 1 }, { text: " \"Collect.\" " }, { ref: 2 },
  ]);
  assert.deepEqual(answerParts("no markers [x]"), [{ text: "no markers [x]" }]);
});

test("prices are shown in their currency with its decimals, yearly plans also per month", () => {
  assert.equal(formatMoney(900, "usd"), "$9.00");
  assert.equal(formatMoney(9000, "eur"), "€90.00");
  assert.equal(formatMoney(1200, "jpy"), "¥1,200");
  assert.equal(formatMoney(0, "usd"), "$0.00");
  assert.equal(monthlyEquivalent({ interval: "year", amountMinor: 9000, currency: "usd" }), "$7.50");
  assert.equal(monthlyEquivalent({ interval: "month", amountMinor: 900, currency: "usd" }), null);
  assert.equal(perInterval("year"), "per year");
  assert.equal(perInterval(undefined), "");
  assert.equal(statusLabel("past_due"), "Payment overdue");
  assert.equal(statusLabel("something_new"), "Something new");
  assert.equal(day("2026-03-05T23:30:00Z"), "5 March 2026");
  assert.equal(day(undefined), "");
});
