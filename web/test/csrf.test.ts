import { test } from "node:test";
import assert from "node:assert/strict";
import { newCsrfToken, sameOrigin, tokensMatch } from "../src/lib/csrf.ts";

test("csrf tokens are random and url-safe", () => {
  const a = newCsrfToken();
  assert.match(a, /^[A-Za-z0-9_-]{32}$/);
  assert.notEqual(a, newCsrfToken());
});

test("the submitted token must equal the cookie", () => {
  const t = newCsrfToken();
  assert.equal(tokensMatch(t, t), true);
  assert.equal(tokensMatch(t, newCsrfToken()), false);
  assert.equal(tokensMatch(t, t.slice(1)), false);
  assert.equal(tokensMatch(undefined, t), false);
  assert.equal(tokensMatch(t, null), false);
});

test("a request from another origin or site is foreign; the browser's Sec-Fetch-Site wins when sent", () => {
  const allowed = ["https://learn.example.org"];
  assert.equal(sameOrigin("https://learn.example.org", null, allowed), true);
  assert.equal(sameOrigin(null, "https://learn.example.org/posts/x", allowed), true);
  assert.equal(sameOrigin("https://evil.example", null, allowed), false);
  assert.equal(sameOrigin(null, "https://evil.example/x", allowed), false);
  assert.equal(sameOrigin(null, "not a url", allowed), false);
  assert.equal(sameOrigin("null", null, allowed, "same-origin"), true);
  assert.equal(sameOrigin("null", null, allowed, "same-site"), false);
  assert.equal(sameOrigin("https://learn.example.org", null, allowed, "cross-site"), false);
  // no signal at all (Origin: null under no-referrer, or a non-browser client): the token decides
  assert.equal(sameOrigin("null", null, allowed), true);
});
