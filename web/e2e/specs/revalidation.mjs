// Cached public pages follow content's changes made anywhere (here: straight through content's API, not
// the web editor): the web server hears content's events and expires the pages they touch.
export default function ({ test, assert, BASE, CONTENT, json, until, auth, publishedPost, run }) {
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
}
