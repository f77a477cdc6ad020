// A post's address says what became of the post with the status browsers and search engines act on: an old
// slug answers 301 to the new address, a deleted post 410 with the site's "removed" page, a slug that never
// existed 404; the same to visitors and signed-in readers, with JavaScript off, and right after the change
// is made through content's API (the web server hears content's events instead of waiting out its 60 s).
export default function ({ test, assert, BASE, CONTENT, json, until, auth, author, publishedPost, run, signIn, shoot, noSeriousA11yViolations }) {
  /** The answer to a request for a post address, redirects not followed; signed in when given cookies. */
  async function visit(path, cookie) {
    const res = await fetch(`${BASE}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  }
  async function sessionCookie(ctx) {
    const page = await ctx.newPage();
    await signIn(page, author.email);
    await page.close();
    return (await ctx.cookies(BASE)).map((c) => `${c.name}=${c.value}`).join("; ");
  }
  const WITHIN_MS = 15_000; // well inside the 60 s the web server would otherwise trust what it knew

  test("post addresses: a renamed post's old slug answers 301 to the new one, a deleted post 410, a never-existing slug 404, signed in or not, right after the change", async (ctx, browser) => {
    const cookie = await sessionCookie(ctx);
    assert.match(cookie, /lectern_at=/, "signed in");
    const post = await publishedPost(`Soon renamed ${run}`);
    const oldSlug = post.slug;
    const newSlug = `renamed-${run}`;
    // what the web server knows before the change: the old slug is a post, the new one nothing
    assert.equal((await visit(`/posts/${oldSlug}`)).status, 200);
    assert.equal((await visit(`/posts/${oldSlug}`, cookie)).status, 200);
    assert.equal((await visit(`/posts/${newSlug}`)).status, 404);

    const current = (await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { headers: auth })).body;
    await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { method: "PUT", headers: auth, body: JSON.stringify({ title: current.title, slug: newSlug, markdown: current.markdown, excerpt: current.excerpt, difficulty: current.difficulty, premium: current.premium, tags: (current.tags ?? []).map((t) => t.name ?? t.slug) }) });
    let started = Date.now();
    await until("the old slug to answer 301", async () => (await visit(`/posts/${oldSlug}`)).status === 301, WITHIN_MS);
    assert.ok(Date.now() - started < WITHIN_MS);
    for (const who of [undefined, cookie]) {
      const moved = await visit(`/posts/${oldSlug}?utm_source=mail&x=1`, who);
      assert.equal(moved.status, 301, `301 (signed in: ${!!who})`);
      const to = new URL(moved.location, BASE);
      assert.equal(to.pathname + to.search, `/posts/${newSlug}?utm_source=mail&x=1`, "to the new address, query kept");
      assert.equal((await visit(`/posts/${newSlug}`, who)).status, 200, `the new address is the post (signed in: ${!!who})`);
    }

    await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { method: "DELETE", headers: auth });
    started = Date.now();
    await until("the deleted post to answer 410", async () => (await visit(`/posts/${newSlug}`)).status === 410, WITHIN_MS);
    assert.ok(Date.now() - started < WITHIN_MS);
    for (const who of [undefined, cookie]) {
      for (const slug of [newSlug, oldSlug]) {
        const gone = await visit(`/posts/${slug}`, who);
        assert.equal(gone.status, 410, `/posts/${slug} is gone (signed in: ${!!who})`);
        assert.match(gone.text, /This post was removed/);
        assert.doesNotMatch(gone.text, new RegExp(post.title), "nothing of the post is left");
      }
      const never = await visit(`/posts/never-written-${run}`, who);
      assert.equal(never.status, 404, `a slug that never existed (signed in: ${!!who})`);
    }

    // the removed page is the site's own page, complete without JavaScript
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    const res = await p.goto(`${BASE}/posts/${newSlug}`);
    assert.equal(res.status(), 410);
    assert.equal(await p.getByRole("heading", { level: 1 }).textContent(), "This post was removed");
    assert.match(await p.title(), /^Post removed · /);
    assert.equal(await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Latest" }).count(), 1, "the site's header");
    await p.getByRole("link", { name: "Read the latest posts" }).click();
    await p.waitForURL(`${BASE}/`);
    await plain.close();

    const page = await ctx.newPage();
    assert.equal((await page.goto(`${BASE}/posts/${oldSlug}`)).status(), 410);
    await page.getByRole("heading", { name: "This post was removed" }).waitFor();
    await noSeriousA11yViolations(page, "removed post");
    await shoot(page, "post-removed");
  });
}
