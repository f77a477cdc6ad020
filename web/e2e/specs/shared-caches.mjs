// What the gateway and a CDN or proxy in front of it may keep: a public page, which sets no cookie, but
// never an answer that sets one (the first page that needs the visitor's CSRF token sets it; a shared
// cache would hand that token to everyone after). The gateway makes such answers private
// (EdgeFilter.keepCookieAnswersPrivate); ADR 0103.
export default function ({ test, assert, BASE, until, publishedPost, run }) {
  test("a public page sets no cookie and stays shareable; the session call and the sign-in page set the CSRF cookie and are never shared", async () => {
    const post = await publishedPost(`Shared caches ${run}`);
    let first;
    await until("the post page answers", async () => (first = await fetch(`${BASE}/posts/${post.slug}`, { redirect: "manual" })).status === 200);
    assert.equal(first.headers.get("set-cookie"), null, "a first visit to a public page gets no cookie");
    assert.match(first.headers.get("cache-control") ?? "", /s-maxage=\d+/, "the shared page stays cacheable");
    for (const path of ["/", "/series", "/tags"]) {
      const r = await fetch(`${BASE}${path}`, { redirect: "manual" });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get("set-cookie"), null, `${path} sets no cookie`);
    }

    for (const path of ["/bff/session", "/signin"]) {
      const r = await fetch(`${BASE}${path}`, { redirect: "manual" });
      assert.equal(r.status, 200, path);
      const cookie = r.headers.get("set-cookie") ?? "";
      const csrf = /lectern_csrf=([^;]+)/.exec(cookie)?.[1];
      assert.ok(csrf, `${path} sets the CSRF cookie on a first visit: ${cookie}`);
      const cacheControl = r.headers.get("cache-control") ?? "";
      assert.match(cacheControl, /(^|,\s*)(private|no-store)(,|$)/, `${path}: ${cacheControl}`);
      assert.doesNotMatch(cacheControl, /s-maxage|public/, `${path}: ${cacheControl}`);
      if (path === "/signin") {
        const again = await fetch(`${BASE}${path}`, { redirect: "manual", headers: { cookie: `lectern_csrf=${csrf}` } });
        assert.equal(again.headers.get("set-cookie"), null, "a returning visitor gets no new cookie");
      }
    }
  });
}
