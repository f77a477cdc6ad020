import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { ContentEventListener, tagsFor } from "../src/lib/contentEvents.ts";
import { encodeCommand, parseReply } from "../src/lib/resp.ts";

test("RESP replies parse whole or not at all", () => {
  const full = Buffer.from("*2\r\n$3\r\nabc\r\n*2\r\n:7\r\n$-1\r\n");
  assert.deepEqual(parseReply(full)?.reply, ["abc", [7, null]]);
  assert.equal(parseReply(full.subarray(0, full.length - 3)), undefined);
  assert.equal((parseReply(Buffer.from("-ERR no\r\n"))?.reply as Error).message, "ERR no");
  assert.equal(encodeCommand(["GET", "ké"]).toString(), "*2\r\n$3\r\nGET\r\n$3\r\nké\r\n");
});

test("a post event expires its page, its old slug's page and the lists; comments expire nothing", () => {
  assert.deepEqual(tagsFor("content.post-updated.v1", JSON.stringify({ slug: "new", previousSlug: "old" })).sort(), ["post:new", "post:old", "posts", "series", "tags"]);
  assert.deepEqual(tagsFor("content.post-unpublished.v1", JSON.stringify({ slug: "gone" })).sort(), ["post:gone", "posts", "series", "tags"]);
  assert.deepEqual(tagsFor("content.series-changed.v1", "{}").sort(), ["posts", "series"]);
  assert.deepEqual(tagsFor("content.comment-created.v1", "{}"), []);
  assert.deepEqual(tagsFor("content.post-deleted.v1", "not json").sort(), ["posts", "series", "tags"]);
});

// Against the machine's Redis (127.0.0.1:6379), on a stream of its own.
function redis(...args: string[]): string {
  return execFileSync("redis-cli", ["-h", process.env.LECTERN_REDIS_HOST ?? "127.0.0.1", "-p", process.env.LECTERN_REDIS_PORT ?? "6379", ...args]).toString();
}

test("the listener hears events added after it started, not the ones before, and survives a lost connection", async () => {
  const stream = `webtest-${randomUUID()}:events:content`;
  redis("XADD", stream, "*", "type", "content.post-published.v1", "payload", JSON.stringify({ slug: "before-start" }));
  const seen: string[][] = [];
  const clientName = `webtest-${randomUUID().slice(0, 8)}`;
  const listener = new ContentEventListener({ host: "127.0.0.1", port: 6379, stream, blockMs: 200, clientName, expire: async (t) => { seen.push(t); }, log: () => {} });
  void listener.start();
  try {
    const until = async (what: string, ok: () => boolean) => {
      const end = Date.now() + 5000;
      while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out: ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until("listener positioned", () => listener.position !== undefined);
    redis("XADD", stream, "*", "type", "content.post-unpublished.v1", "payload", JSON.stringify({ slug: "after-start" }));
    await until("the unpublish heard", () => seen.some((t) => t.includes("post:after-start")));
    assert.equal(seen.flat().includes("post:before-start"), false);
    // the listener's connection is killed (only it: the shared Redis serves others): it reconnects and
    // resumes after its position
    const id = redis("CLIENT", "LIST").split("\n").find((l) => l.includes(` name=${clientName} `))?.match(/\bid=(\d+)/)?.[1];
    assert.ok(id, "the listener's connection is named");
    assert.match(redis("CLIENT", "KILL", "ID", id), /1/);
    redis("XADD", stream, "*", "type", "content.post-updated.v1", "payload", JSON.stringify({ slug: "after-reconnect" }));
    await until("the update after the reconnect heard", () => seen.some((t) => t.includes("post:after-reconnect")));
    assert.equal(seen.filter((t) => t.includes("post:after-start")).length, 1, "nothing heard twice");
  } finally {
    listener.stop();
    redis("DEL", stream);
  }
});
