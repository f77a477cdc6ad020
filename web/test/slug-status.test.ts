import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SlugStatusCache, askContent, isPostSlug, movedSlug, slugStatusOf, slugStatuses, type SlugStatus } from "../src/lib/slugStatus.ts";
import { postSlugsOf, tags } from "../src/lib/cacheTags.ts";

/** A content stand-in whose answers the test sets, counting the questions per slug. */
function fakeContent(answers: Record<string, SlugStatus | undefined>) {
  const asked = new Map<string, number>();
  const ask = async (slug: string) => {
    asked.set(slug, (asked.get(slug) ?? 0) + 1);
    return answers[slug];
  };
  return { ask, asked: (slug: string) => asked.get(slug) ?? 0 };
}

test("content's answers read as found, moved (to the Location's slug), gone and missing; anything else as unknown", () => {
  assert.deepEqual(slugStatusOf(200, null), { kind: "found" });
  assert.deepEqual(slugStatusOf(301, "/api/v1/posts/new-name"), { kind: "moved", slug: "new-name" });
  assert.deepEqual(slugStatusOf(308, "http://content:8082/api/v1/posts/new-name?x=1"), { kind: "moved", slug: "new-name" });
  assert.equal(slugStatusOf(301, null), undefined);
  assert.deepEqual(slugStatusOf(410, null), { kind: "gone" });
  assert.deepEqual(slugStatusOf(404, null), { kind: "missing" });
  assert.equal(slugStatusOf(500, null), undefined);
  assert.equal(slugStatusOf(400, null), undefined);
  assert.equal(movedSlug("/api/v1/posts/%E2%9C%93"), "✓");
  assert.equal(movedSlug("/api/v1/posts/%E2"), undefined);
});

test("only what can be a content slug is looked up: lower-case words and hyphens, at most 120 characters", () => {
  assert.ok(isPostSlug("java-streams-2"));
  assert.ok(isPostSlug("a".repeat(120)));
  assert.equal(isPostSlug("a".repeat(121)), false);
  for (const bad of ["", "Upper", "two--hyphens", "-lead", "trail-", "caf%C3%A9", "a.b", "a_b"]) assert.equal(isPostSlug(bad), false, bad);
});

test("a post: tag names its slug; other tags name none", () => {
  assert.deepEqual(postSlugsOf([tags.posts, tags.post("a"), tags.series, tags.post("b"), "post:"]), ["a", "b"]);
});

test("a status is asked once and remembered until its time is up, then asked again", async () => {
  let now = 1_000;
  const content = fakeContent({ live: { kind: "found" } });
  const cache = new SlugStatusCache(content.ask, { ttlMs: 60_000, maxEntries: 10, now: () => now });
  assert.equal(cache.peek("live"), undefined);
  assert.deepEqual(await cache.status("live"), { kind: "found" });
  assert.deepEqual(cache.peek("live"), { kind: "found" });
  now += 59_999;
  assert.deepEqual(await cache.status("live"), { kind: "found" });
  assert.equal(content.asked("live"), 1);
  now += 1;
  assert.equal(cache.peek("live"), undefined, "expired at the TTL");
  assert.deepEqual(await cache.status("live"), { kind: "found" });
  assert.equal(content.asked("live"), 2);
});

test("requests for the same unknown slug at once ask content once", async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  const cache = new SlugStatusCache(async () => { calls++; await gate; return { kind: "gone" }; }, { ttlMs: 60_000, maxEntries: 10 });
  const all = Promise.all([cache.status("old"), cache.status("old"), cache.status("old")]);
  release();
  assert.deepEqual(await all, [{ kind: "gone" }, { kind: "gone" }, { kind: "gone" }]);
  assert.equal(calls, 1);
  assert.deepEqual(cache.peek("old"), { kind: "gone" });
});

test("when content cannot say (an error or an unexpected answer) nothing is remembered", async () => {
  let fail = true;
  const cache = new SlugStatusCache(async () => { if (fail) throw new Error("content down"); return undefined; }, { ttlMs: 60_000, maxEntries: 10 });
  assert.equal(await cache.status("x"), undefined);
  fail = false;
  assert.equal(await cache.status("x"), undefined);
  assert.equal(cache.size, 0);
});

test("the memory is bounded: past the bound the oldest answer goes, and an answer asked again is young again", async () => {
  let now = 0;
  const content = fakeContent({ a: { kind: "found" }, b: { kind: "missing" }, c: { kind: "found" }, d: { kind: "found" }, e: { kind: "found" } });
  const cache = new SlugStatusCache(content.ask, { ttlMs: 10, maxEntries: 3, now: () => now });
  for (const s of ["a", "b", "c"]) await cache.status(s);
  now = 11; // a expires and is asked again: it becomes the youngest
  await cache.status("a");
  now = 12;
  await cache.status("d");
  assert.equal(cache.size, 3);
  assert.equal(cache.peek("b"), undefined, "the oldest went");
  await cache.status("e");
  assert.equal(cache.size, 3);
  assert.deepEqual(cache.peek("a"), { kind: "found" }, "refreshed, so kept");
  assert.deepEqual(cache.peek("e"), { kind: "found" });
});

test("a heard change drops the post's slug and the old slugs remembered as leading to it, nothing else", async () => {
  const content = fakeContent({ old: { kind: "moved", slug: "mid" }, older: { kind: "moved", slug: "mid" }, mid: { kind: "found" }, other: { kind: "moved", slug: "elsewhere" }, unrelated: { kind: "found" } });
  const cache = new SlugStatusCache(content.ask, { ttlMs: 60_000, maxEntries: 100 });
  for (const s of ["old", "older", "mid", "other", "unrelated"]) await cache.status(s);
  cache.drop(["mid"]);
  assert.equal(cache.peek("mid"), undefined);
  assert.equal(cache.peek("old"), undefined);
  assert.equal(cache.peek("older"), undefined);
  assert.deepEqual(cache.peek("other"), { kind: "moved", slug: "elsewhere" });
  assert.deepEqual(cache.peek("unrelated"), { kind: "found" });
  cache.drop([]);
  assert.equal(cache.size, 2);
  cache.clear();
  assert.equal(cache.size, 0);
});

test("an answer read while a change was heard is given but not remembered, and the next request asks afresh", async () => {
  const releases: Array<() => void> = [];
  const answers: SlugStatus[] = [{ kind: "found" }, { kind: "gone" }];
  let calls = 0;
  const cache = new SlugStatusCache(async () => {
    const a = answers[calls++]!;
    await new Promise<void>((r) => releases.push(r));
    return a;
  }, { ttlMs: 60_000, maxEntries: 10 });
  const before = cache.status("post"); // read before the post is deleted...
  cache.drop(["post"]); // ...whose event arrives while that answer is on its way
  const after = cache.status("post");
  releases[1]!();
  assert.deepEqual(await after, { kind: "gone" });
  releases[0]!(); // the stale answer arrives last
  assert.deepEqual(await before, { kind: "found" });
  assert.equal(calls, 2, "the request after the change did not join the stale lookup");
  assert.deepEqual(cache.peek("post"), { kind: "gone" });
});

test("one cache per process, on globalThis, so the proxy and the route handlers share it", () => {
  const cache = slugStatuses();
  assert.equal(slugStatuses(), cache);
  assert.equal((globalThis as Record<symbol, unknown>)[Symbol.for("lectern.slugStatuses")], cache);
});

test("content is asked without following its redirect, and each of its answers is read right", async () => {
  const server = createServer((req, res) => {
    const slug = req.url?.replace("/api/v1/posts/", "");
    if (slug === "live") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ slug, html: "x".repeat(50_000) }));
    else if (slug === "old") res.writeHead(301, { location: "/api/v1/posts/live", "content-type": "application/problem+json" }).end("{}");
    else if (slug === "deleted") res.writeHead(410, { "content-type": "application/problem+json" }).end("{}");
    else if (slug === "broken") res.writeHead(503).end();
    else res.writeHead(404, { "content-type": "application/problem+json" }).end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    assert.deepEqual(await askContent("live", base), { kind: "found" });
    assert.deepEqual(await askContent("old", base), { kind: "moved", slug: "live" });
    assert.deepEqual(await askContent("deleted", base), { kind: "gone" });
    assert.deepEqual(await askContent("never", base), { kind: "missing" });
    assert.equal(await askContent("broken", base), undefined);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
