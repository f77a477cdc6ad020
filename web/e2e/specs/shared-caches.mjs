// What a CDN or proxy in front of the gateway may keep: a public page, but never an answer that sets a
// cookie (a first visit's page sets the visitor's CSRF cookie; a shared cache would hand that token to
// everyone after). The gateway makes such answers private (EdgeFilter.keepCookieAnswersPrivate).
export default function ({ test, assert, BASE, until, publishedPost, run }) {
  test("a first visit's page, which sets the CSRF cookie, is private; a returning visitor's stays cacheable by a CDN", async () => {
    const post = await publishedPost(`Shared caches ${run}`);
    let first;
    await until("the post page answers", async () => (first = await fetch(`${BASE}/posts/${post.slug}`, { redirect: "manual" })).status === 200);
    const cookie = first.headers.get("set-cookie") ?? "";
    const csrf = /lectern_csrf=([^;]+)/.exec(cookie)?.[1];
    assert.ok(csrf, `the first visit gets a CSRF cookie: ${cookie}`);
    const firstCacheControl = first.headers.get("cache-control") ?? "";
    assert.match(firstCacheControl, /(^|,\s*)private(,|$)/, `first visit: ${firstCacheControl}`);
    assert.doesNotMatch(firstCacheControl, /s-maxage|public/, `first visit: ${firstCacheControl}`);

    const again = await fetch(`${BASE}/posts/${post.slug}`, { redirect: "manual", headers: { cookie: `lectern_csrf=${csrf}` } });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get("set-cookie"), null, "a returning visitor gets no new cookie");
    assert.match(again.headers.get("cache-control") ?? "", /s-maxage=\d+/, "the shared page itself stays cacheable");
  });
}
