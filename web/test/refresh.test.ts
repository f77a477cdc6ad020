import { test } from "node:test";
import assert from "node:assert/strict";
import { RefreshCoordinator, type Tokens } from "../src/lib/refresh.ts";

function tokens(n: number): Tokens {
  return { accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn: 900, refreshExpiresAt: "2030-01-01T00:00:00Z" };
}

test("two tabs refreshing with the same token at once cause one call to identity and get the same tokens", async () => {
  let calls = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const c = new RefreshCoordinator(async () => { calls++; await gate; return tokens(calls); });
  const a = c.refresh("old");
  const b = c.refresh("old");
  release();
  const [ta, tb] = await Promise.all([a, b]);
  assert.equal(calls, 1);
  assert.deepEqual(ta, tb);
  assert.equal(ta?.refreshToken, "r1");
});

test("a late request still carrying the rotated token gets the same result instead of replaying it", async () => {
  let calls = 0;
  let now = 1_000;
  const c = new RefreshCoordinator(async () => tokens(++calls), 60_000, () => now);
  const first = await c.refresh("old");
  now += 5_000;
  const late = await c.refresh("old");
  assert.equal(calls, 1);
  assert.deepEqual(late, first);
});

test("after the memo window a token is sent again (and identity decides)", async () => {
  let calls = 0;
  let now = 0;
  const c = new RefreshCoordinator(async () => tokens(++calls), 1_000, () => now);
  await c.refresh("old");
  now = 2_000;
  await c.refresh("old");
  assert.equal(calls, 2);
});

test("a failed refresh answers null to every waiter and is not retried within the window", async () => {
  let calls = 0;
  const c = new RefreshCoordinator(async () => { calls++; throw new Error("identity down"); });
  const [a, b] = await Promise.all([c.refresh("x"), c.refresh("x")]);
  assert.equal(a, null);
  assert.equal(b, null);
  assert.equal(await c.refresh("x"), null);
  assert.equal(calls, 1);
});

test("different sessions refresh independently", async () => {
  const seen: string[] = [];
  const c = new RefreshCoordinator(async (t) => { seen.push(t); return tokens(seen.length); });
  await Promise.all([c.refresh("s1"), c.refresh("s2")]);
  assert.deepEqual(seen.sort(), ["s1", "s2"]);
});
