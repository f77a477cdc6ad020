// Cached public pages follow content's changes made anywhere (here: straight through content's API, not
// the web editor): the web server hears content's events and expires the pages they touch.
export default function ({ test, assert, BASE, CONTENT, PORTS, json, until, auth, publishedPost, run }) {
  test("a post unpublished through the API leaves the cached post page and the home page within seconds", async (ctx) => {
    const post = await publishedPost(`Soon unpublished ${run}`);
    const page = await ctx.newPage();
    await until("the post page cached with its body", async () => (await page.goto(`${BASE}/posts/${post.slug}`)).status() === 200 && (await page.locator("article .body").count()) === 1);
    await until("the home page lists it", async () => { await page.goto(`${BASE}/`); return (await page.getByRole("link", { name: post.title }).count()) > 0; });
    await json(`${CONTENT}/api/v1/admin/posts/${post.id}/unpublish`, { method: "POST", headers: auth });
    const started = Date.now();
    await until("the post page answers 404", async () => (await page.goto(`${BASE}/posts/${post.slug}`)).status() === 404, 15_000);
    assert.ok(Date.now() - started < 15_000);
    await page.goto(`${BASE}/`);
    assert.equal(await page.getByRole("link", { name: post.title }).count(), 0, "home no longer lists it");
  });

  test("a free post switched to premium through the API stops showing its body to visitors", async (ctx) => {
    const title = `Soon premium ${run}`;
    const post = await publishedPost(title, { markdown: `## Paid soon\n\nBODY-${run} readable for now.` });
    const page = await ctx.newPage();
    await until("the free body cached", async () => { await page.goto(`${BASE}/posts/${post.slug}`); return (await page.locator("article .body").textContent().catch(() => "")).includes(`BODY-${run}`); });
    const current = (await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { headers: auth })).body;
    await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { method: "PUT", headers: auth, body: JSON.stringify({ title: current.title, markdown: current.markdown, excerpt: "A teaser.", difficulty: current.difficulty, premium: true, tags: (current.tags ?? []).map((t) => t.name ?? t.slug) }) });
    await until("the gate shown instead of the body", async () => { await page.goto(`${BASE}/posts/${post.slug}`); return (await page.getByRole("heading", { name: "This post is for premium members" }).count()) === 1; }, 15_000);
    assert.equal((await page.content()).includes(`BODY-${run}`), false, "the body is not in the page");
  });

  // The gateway keeps anonymous public pages too (ADR 0103). Content's own change message empties it before
  // the web server has expired its page, so a read in between may store the old page again; the web
  // server's message after its expiry must empty it once more. A reader polls through the gateway all the
  // while, so such a read happens; once the web server itself serves the change, the gateway must too.
  test("the gateway's copy of a public page goes as soon as the web server has expired the page", async () => {
    const post = await publishedPost(`Gateway copy ${run}`, { markdown: `## Kept\n\nFIRST-${run} body.` });
    const url = `${BASE}/posts/${post.slug}`;
    const direct = `http://127.0.0.1:${PORTS.web}/posts/${post.slug}`;
    const anonymous = { headers: { cookie: "lectern_csrf=e2e-anonymous-reader" } };
    const read = async (where, init = anonymous) => { const r = await fetch(where, init); return { status: r.status, age: r.headers.get("age"), body: await r.text() }; };
    await until("the gateway serving its own copy", async () => { const r = await read(url); return r.status === 200 && r.age !== null && r.body.includes(`FIRST-${run}`); });
    const session = await read(url, { headers: { cookie: "lectern_csrf=x; lectern_at=a-session" } });
    assert.equal(session.status, 200);
    assert.equal(session.age, null, "a request with a session cookie is answered by the web server, not the copy");

    let polling = true;
    let reads = 0;
    const poller = (async () => { while (polling) { await read(url); reads++; } })();
    try {
      const current = (await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { headers: auth })).body;
      await json(`${CONTENT}/api/v1/admin/posts/${post.id}`, { method: "PUT", headers: auth, body: JSON.stringify({ title: current.title, markdown: `## Kept\n\nSECOND-${run} body.`, excerpt: current.excerpt, difficulty: current.difficulty, premium: false, tags: (current.tags ?? []).map((t) => t.name ?? t.slug) }) });
      await until("the web server rendering the change", async () => (await read(direct)).body.includes(`SECOND-${run}`), 15_000, 0);
      const known = Date.now();
      await until("the gateway serving the change", async () => (await read(url)).body.includes(`SECOND-${run}`), 2_000, 0);
      assert.ok(Date.now() - known < 2_000);
    } finally {
      polling = false;
      await poller;
    }
    assert.ok(reads > 0, "the reader polled through the gateway while the change went through");
    const after = await read(url);
    assert.ok(after.body.includes(`SECOND-${run}`) && !after.body.includes(`FIRST-${run}`), "the old body is gone for good");
  });

  // The same, made deterministic: nothing changes in content, the web server is told to expire the page
  // (as the editor, the redirect screen or an operator does), and the gateway's copy must go with it.
  test("a page the web server expires is no longer served from the gateway's copy", async () => {
    const post = await publishedPost(`Expired copy ${run}`);
    const url = `${BASE}/posts/${post.slug}`;
    const anonymous = { headers: { cookie: "lectern_csrf=e2e-anonymous-reader" } };
    const age = async () => { const r = await fetch(url, anonymous); await r.arrayBuffer(); assert.equal(r.status, 200); return r.headers.get("age"); };
    await until("the gateway serving its own copy", async () => (await age()) !== null);
    const expired = await fetch(`http://127.0.0.1:${PORTS.web}/internal/revalidate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tags: [`post:${post.slug}`] }) });
    assert.equal(expired.status, 200);
    await until("a read answered by the web server again", async () => (await age()) === null, 2_000, 20);
  });
}
