import { test } from "node:test";
import assert from "node:assert/strict";
import { expiresSoon, readClaims } from "../src/lib/jwt.ts";
import { ownerOf } from "../src/lib/routing.ts";
import { highlightTerms, snippetParts } from "../src/lib/snippet.ts";
import { sessionCookies } from "../src/lib/cookies.ts";

function jwt(claims: object): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
}

test("claims are read from an access token and a token near expiry counts as expiring", () => {
  const t = jwt({ sub: "u1", exp: 1_000, roles: ["author"] });
  assert.deepEqual(readClaims(t), { sub: "u1", exp: 1_000, roles: ["author"], tier: undefined });
  assert.equal(expiresSoon(t, 900, 30), false);
  assert.equal(expiresSoon(t, 980, 30), true);
  assert.equal(expiresSoon(undefined, 0), true);
  assert.equal(readClaims("garbage"), null);
  assert.equal(readClaims(jwt({ exp: 5 })), null);
});

test("every API path goes to the service the gateway would send it to, and nothing else passes", () => {
  assert.equal(ownerOf("/api/v1/auth/sessions"), "identity");
  assert.equal(ownerOf("/api/v1/admin/users/1/roles"), "identity");
  assert.equal(ownerOf("/api/v1/admin/posts/1"), "content");
  assert.equal(ownerOf("/api/v1/posts/x/comments"), "content");
  assert.equal(ownerOf("/api/v1/notifications/stream"), "notify");
  assert.equal(ownerOf("/api/v1/billing/plans"), "billing");
  assert.equal(ownerOf("/api/v1/srs/due"), "learning");
  assert.equal(ownerOf("/api/v1/postsx"), null);
  assert.equal(ownerOf("/actuator/prometheus"), null);
  assert.equal(ownerOf("/api/v1/posts/../admin/users"), null);
});

test("search snippets keep only the service's marks as markup", () => {
  assert.deepEqual(snippetParts("a <mark>fast</mark> <script>x</script>"), [
    { text: "a ", mark: false }, { text: "fast", mark: true }, { text: " <script>x</script>", mark: false },
  ]);
  // the service escapes the text between the marks; shown as written, decoded once
  assert.deepEqual(snippetParts("don&#39;t &lt;b&gt; &amp;amp; <mark>caf&#xe9;</mark> &quot;q&quot; &bogus;"), [
    { text: "don't <b> &amp; ", mark: false }, { text: "café", mark: true }, { text: ' "q" &bogus;', mark: false },
  ]);
  assert.deepEqual(highlightTerms("Java streams", "streams"), [{ text: "Java ", mark: false }, { text: "streams", mark: true }]);
});

test("session cookies are httpOnly, SameSite=Lax and live as long as their token", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  const [access, refresh] = sessionCookies({ accessToken: "a", expiresIn: 900, refreshToken: "r", refreshExpiresAt: "2030-01-31T00:00:00Z" }, now);
  assert.equal(access?.httpOnly, true);
  assert.equal(access?.sameSite, "lax");
  assert.equal(access?.maxAge, 900);
  assert.equal(refresh?.httpOnly, true);
  assert.equal(refresh?.maxAge, 30 * 24 * 3600);
});
