import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { channelName, redisAnnouncer } from "../src/lib/pagesChanged.ts";

// Against the machine's Redis (127.0.0.1:6379), on a channel of its own; redis-cli plays the gateway.
const host = process.env.LECTERN_REDIS_HOST ?? "127.0.0.1";
const port = String(process.env.LECTERN_REDIS_PORT ?? 6379);

function redis(...args: string[]): string {
  return execFileSync("redis-cli", ["-h", host, "-p", port, ...args]).toString();
}

async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("the channel is the gateway's, under the events namespace", () => {
  assert.equal(channelName("prod"), "prod:web:pages-changed");
});

test("each announcement reaches a subscriber, also after the announcer's connection was killed", async () => {
  const channel = `webtest-${randomUUID()}:web:pages-changed`;
  const clientName = `webtest-${randomUUID().slice(0, 8)}`;
  const subscriber = spawn("redis-cli", ["-h", host, "-p", port, "--csv", "SUBSCRIBE", channel]);
  let out = "";
  subscriber.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const messages = () => out.split("\n").filter((l) => l.startsWith('"message"'));
  const announcer = redisAnnouncer({ host, port: Number(port), channel, clientName });
  try {
    await until("subscribed", () => out.includes('"subscribe"'));
    await announcer.announce();
    await until("the first announcement heard", () => messages().length === 1);
    const id = redis("CLIENT", "LIST").split("\n").find((l) => l.includes(` name=${clientName} `))?.match(/\bid=(\d+)/)?.[1];
    assert.ok(id, "the announcer's connection is named");
    assert.match(redis("CLIENT", "KILL", "ID", id), /1/);
    await announcer.announce();
    await until("the second announcement heard", () => messages().length === 2);
    assert.deepEqual(messages(), [`"message","${channel}","expired"`, `"message","${channel}","expired"`]);
  } finally {
    announcer.close();
    subscriber.kill();
  }
});

test("an announcement to a Redis that is not there rejects, so the caller can try again", async () => {
  const announcer = redisAnnouncer({ host: "127.0.0.1", port: 1, channel: "nowhere" });
  await assert.rejects(announcer.announce());
  announcer.close();
});
