// Author tools (/author/**): live preview, revisions and their diff, series order, analytics, newsletter.
export default function ({ test, assert, BASE, CONTENT, PORTS, run, json, until, mails, linkIn, registerVerified, apiToken, signIn, followLink, shoot, noSeriousA11yViolations, author, auth, publishedPost }) {
  const browserUa = (i) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 reader-${i}-${run}`;

  test("author tools: the editor's live preview shows the server's rendering and drops a script", async (ctx) => {
    const page = await ctx.newPage();
    await signIn(page, author.email);
    await page.goto(`${BASE}/author/posts/new`);
    const preview = page.locator('section[aria-label="Preview"]');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/bff/api/v1/admin/posts/preview") && r.request().method() === "POST"),
      page.getByLabel("Markdown").fill(`# Live heading ${run}\n\nSome **bold** words.\n\n<script>window.__authorPwned = 1</script>\n\n<img src=x onerror="window.__authorPwned = 2">`),
    ]);
    assert.equal(answer.status(), 200);
    await preview.getByRole("heading", { level: 1, name: `Live heading ${run}` }).waitFor();
    assert.equal(await preview.locator("strong").textContent(), "bold");
    const html = await preview.locator(".preview").innerHTML();
    assert.ok(!/<script/i.test(html), `a script survived the preview: ${html}`);
    assert.ok(!/onerror/i.test(html), `an event handler survived the preview: ${html}`);
    assert.equal(await page.evaluate(() => window.__authorPwned), undefined);
    assert.match(await preview.textContent(), /1 min read/);
    // typing again replaces the preview (debounced, one request for a burst of keys)
    let calls = 0;
    page.on("request", (r) => { if (r.url().endsWith("/admin/posts/preview")) calls++; });
    await page.getByLabel("Markdown").pressSequentially("\n\n## Second", { delay: 20 });
    await preview.getByRole("heading", { level: 2, name: "Second" }).waitFor();
    assert.ok(calls >= 1 && calls <= 2, `preview requests for one burst of typing: ${calls}`);
    await noSeriousA11yViolations(page, "author editor with preview");
    await shoot(page, "author-editor");
  });

  test("author tools: two edits, a diff between revisions, and restoring the older one changes the post page", async (ctx) => {
    const post = await publishedPost(`Revised ${run}`, { markdown: `## Revised\n\nOriginal sentence ${run}.\n\nA line that stays.` });
    const page = await ctx.newPage();
    await signIn(page, author.email);
    for (const word of ["Second", "Third"]) {
      await page.goto(`${BASE}/author/posts/${post.id}`);
      await page.getByLabel("Markdown").fill(`## Revised\n\n${word} sentence ${run}.\n\nA line that stays.`);
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByText("Saved.").waitFor();
    }
    const visitor = await ctx.browser().newContext();
    const reader = await visitor.newPage();
    await reader.goto(`${BASE}/posts/${post.slug}`);
    assert.match(await reader.locator("article").textContent(), new RegExp(`Third sentence ${run}`));

    await page.goto(`${BASE}/author/posts/${post.id}/revisions`);
    assert.equal(await page.locator("table.revisions tbody tr").count(), 3);
    await followLink(page.getByRole("link", { name: "Compare #1 with current" }));
    await page.waitForURL("**/revisions?compare=1");
    await page.getByRole("heading", { name: "Revision #1 → current text" }).waitFor();
    const removed = await page.locator("tr.diff-del code").allTextContents();
    const added = await page.locator("tr.diff-add code").allTextContents();
    assert.deepEqual(removed, [`Original sentence ${run}.`]);
    assert.deepEqual(added, [`Third sentence ${run}.`]);
    assert.match(await page.locator("[data-diff-summary]").textContent(), /1 line removed, 1 added/);
    await noSeriousA11yViolations(page, "author revisions");
    await shoot(page, "author-revisions");

    await page.getByRole("button", { name: "Restore #1…" }).click();
    await page.getByRole("button", { name: "Yes, restore #1" }).click();
    await page.getByText("Restored revision #1").waitFor();
    await until("the diff to show the restored text is current", async () => /No differences/.test(await page.locator("[data-diff-summary]").textContent()));
    assert.equal(await page.locator("table.revisions tbody tr").count(), 4);

    await reader.goto(`${BASE}/posts/${post.slug}`);
    const text = await reader.locator("article").textContent();
    assert.match(text, new RegExp(`Original sentence ${run}`));
    assert.ok(!text.includes(`Third sentence ${run}`), "the post page still shows the replaced text");
    await visitor.close();
  });

  test("author tools: reordering a series with the keyboard changes the public series page", async (ctx) => {
    const s = (await json(`${CONTENT}/api/v1/admin/series`, { method: "POST", headers: auth, body: JSON.stringify({ title: `Order ${run}`, slug: `order-${run}`, description: "Three parts." }) })).body;
    const a = await publishedPost(`Alpha ${run}`, { seriesId: s.id, seriesPosition: 1 });
    const b = await publishedPost(`Beta ${run}`, { seriesId: s.id, seriesPosition: 2 });
    const c = await publishedPost(`Gamma ${run}`, { seriesId: s.id, seriesPosition: 3 });
    const page = await ctx.newPage();
    await signIn(page, author.email);
    const visitor = await ctx.browser().newContext();
    const reader = await visitor.newPage();
    const order = async () => reader.locator("ol.cards h2").allTextContents();
    await reader.goto(`${BASE}/series/${s.slug}`);
    assert.deepEqual(await order(), [a.title, b.title, c.title]);

    await page.goto(`${BASE}/author/series/${s.slug}`);
    assert.deepEqual(await page.locator(".series-order li .title").evaluateAll((els) => els.map((e) => e.firstChild.textContent.trim())), [a.title, b.title, c.title]);
    await page.getByRole("button", { name: `Move “${a.title}” down` }).focus();
    await page.keyboard.press("Enter");
    // focus follows the post that moved, so pressing again moves it further
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), `Move “${a.title}” down`);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: `Move “${c.title}” up` }).focus();
    await page.keyboard.press("Space");
    assert.deepEqual(await page.locator(".series-order li .title").evaluateAll((els) => els.map((e) => e.firstChild.textContent.trim())), [c.title, b.title, a.title]);
    await page.getByRole("button", { name: "Save order" }).click();
    await page.getByText("Order saved.").waitFor();
    await noSeriousA11yViolations(page, "author series");
    await shoot(page, "author-series");

    await page.goto(`${BASE}/author/series`);
    assert.equal(await page.getByRole("link", { name: s.title }).getAttribute("href"), `/author/series/${s.slug}`);
    await noSeriousA11yViolations(page, "author series list");
    await page.goto(`${BASE}/author`);
    assert.equal(await page.getByRole("navigation", { name: "Author tools" }).getByRole("link").count(), 6);
    await noSeriousA11yViolations(page, "author hub");

    await reader.goto(`${BASE}/series/${s.slug}`);
    assert.deepEqual(await order(), [c.title, b.title, a.title]);
    assert.match(await reader.locator("ol.cards li").first().textContent(), /Part 1/);
    await visitor.close();
  });

  test("author tools: analytics draws views per day as a chart and a table with the recorded numbers", async (ctx) => {
    const post = await publishedPost(`Counted ${run}`);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${CONTENT}/api/v1/posts/${post.slug}/views`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": browserUa(i) },
        body: JSON.stringify({ referrer: i === 0 ? "https://news.example.com/item?id=1" : null }),
      });
      assert.equal(res.status, 204);
    }
    const views = (await json(`${CONTENT}/api/v1/admin/analytics/views`, { headers: auth })).body;
    const today = views.days.at(-1);
    assert.ok(today.views >= 3, `today's views: ${today.views}`);

    const page = await ctx.newPage();
    await signIn(page, author.email);
    await page.goto(`${BASE}/author/analytics`);
    const chart = page.locator('figure.chart svg[role="img"]');
    await chart.waitFor();
    assert.equal(await chart.locator("rect.bar").count(), views.days.length);
    assert.equal(await chart.locator(`rect.bar[data-day="${today.day}"]`).getAttribute("data-views"), String(today.views));
    assert.ok(Number(await chart.locator(`rect.bar[data-day="${today.day}"]`).getAttribute("height")) > 0, "today's bar has a height");
    assert.equal(await page.getByRole("row", { name: new RegExp(`^${today.day} `) }).locator("td").nth(1).textContent(), String(today.views));
    assert.equal(await page.locator("[data-total]").textContent(), String(views.total));
    const counted = page.getByRole("row", { name: new RegExp(`Counted ${run}`) }).first();
    assert.equal(await counted.locator("td").nth(1).textContent(), "3");
    assert.ok(Number(await page.getByRole("row", { name: /news\.example\.com/ }).locator("td").nth(1).textContent()) >= 1);
    await noSeriousA11yViolations(page, "author analytics");
    await shoot(page, "author-analytics");
  });

  test("author tools: posts filtered by tag and title, a tag merged into another, a Ghost import, a newsletter issue for a confirmed subscriber", async (ctx) => {
    const src = `msrc-${run}`;
    const dst = `mdst-${run}`;
    const a = await publishedPost(`Merge source ${run}`, { tags: [src] });
    const b = await publishedPost(`Merge target ${run}`, { tags: [dst] });
    const page = await ctx.newPage();
    await signIn(page, author.email);
    const titles = async () => page.locator("table tbody tr td:first-child").allTextContents();

    await page.goto(`${BASE}/author/posts`);
    await page.getByLabel("Tag").selectOption(dst);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((u) => u.searchParams.get("tag") === dst);
    assert.deepEqual(await titles(), [b.title]);
    await page.getByLabel("Tag").selectOption("");
    await page.getByLabel("Title contains").fill(`source ${run}`);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((u) => u.searchParams.get("q") === `source ${run}`);
    assert.deepEqual(await titles(), [a.title]);
    await noSeriousA11yViolations(page, "author posts");
    await shoot(page, "author-posts");

    await page.goto(`${BASE}/author/tags`);
    await page.getByRole("button", { name: `Merge ${src} into another tag` }).click();
    await page.getByLabel("Merge into").selectOption(dst);
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await page.getByRole("button", { name: "Yes, merge" }).click();
    await page.getByText(`Merged “${src}” into “${dst}”: it now has 2 published posts.`).waitFor();
    await until("the merged tag to leave the list", async () => (await page.getByRole("row", { name: new RegExp(`^${src} `) }).count()) === 0);
    assert.equal(await page.getByRole("row", { name: new RegExp(`^${dst} `) }).locator("td").nth(2).textContent(), "2");
    await noSeriousA11yViolations(page, "author tags");
    await shoot(page, "author-tags");

    await page.goto(`${BASE}/author/import-export`);
    const ghost = { db: [{ meta: { version: "5.82.1" }, data: { posts: [{ id: `g-${run}`, title: `From Ghost ${run}`, slug: `from-ghost-${run}`, html: `<p>Imported body ${run}.</p><script>alert(1)</script>`, status: "published", type: "post", published_at: "2024-05-01T10:00:00.000Z" }] } }] };
    await page.getByLabel("Format").selectOption("ghost");
    await page.getByLabel("File to import").setInputFiles({ name: "ghost.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(ghost)) });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText("Imported 1 post, skipped 0").waitFor();
    assert.equal(await page.getByRole("link", { name: `from-ghost-${run}` }).count(), 1);
    const imported = await (await fetch(`${CONTENT}/api/v1/posts/from-ghost-${run}`)).json();
    assert.match(imported.html, new RegExp(`Imported body ${run}`));
    await noSeriousA11yViolations(page, "author import-export");
    await shoot(page, "author-import-export");

    const subscriber = `news-${run}@example.org`;
    const notify = `http://127.0.0.1:${PORTS.notify}`;
    await json(`${notify}/api/v1/newsletter/subscribe`, { method: "POST", body: JSON.stringify({ email: subscriber }) });
    const confirm = await until("newsletter confirmation mail", async () => { const m = await mails(subscriber); return m.length ? linkIn(m[0].mimeMessage, "/newsletter/confirm") : null; });
    await json(`${notify}/api/v1/newsletter/confirm?token=${new URL(confirm).searchParams.get("token")}`, { method: "POST" });
    await page.goto(`${BASE}/author/newsletter`);
    await page.getByLabel("Subject").fill(`Issue ${run}`);
    await page.getByLabel("Issue Markdown").fill(`# This week ${run}\n\nNew posts on streams.`);
    await page.getByRole("button", { name: "Send…" }).click();
    await noSeriousA11yViolations(page, "author newsletter");
    await page.getByRole("button", { name: "Yes, send it" }).click();
    await page.waitForURL(/\/author\/newsletter\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: `Issue: Issue ${run}` }).waitFor();
    assert.equal(await page.getByRole("row", { name: new RegExp(subscriber) }).count(), 1);
    // each confirmed subscriber gets a delivery row (pending, queued or sent: notify's batcher sends it)
    assert.match(await page.getByRole("row", { name: new RegExp(subscriber) }).locator("td").nth(1).textContent(), /^(pending|queued|sending|sent)$/);
    assert.match(await page.locator("dl.counts").textContent(), /Recipients\s*[1-9]/);
    await shoot(page, "author-newsletter-issue");
  });

  test("author tools: past newsletter issues are listed newest first through the gateway, for admins with their delivery page and for authors without, and an empty page says so", async (ctx, browser) => {
    const subscriber = `past-${run}@example.org`;
    const notify = `http://127.0.0.1:${PORTS.notify}`;
    await json(`${notify}/api/v1/newsletter/subscribe`, { method: "POST", body: JSON.stringify({ email: subscriber }) });
    const confirm = await until("newsletter confirmation mail", async () => { const m = await mails(subscriber); return m.length ? linkIn(m[0].mimeMessage, "/newsletter/confirm") : null; });
    await json(`${notify}/api/v1/newsletter/confirm?token=${new URL(confirm).searchParams.get("token")}`, { method: "POST" });
    // two issues sent through the gateway, one after the other: the later one is listed first
    const send = async (subject) => (await json(`${BASE}/api/v1/newsletter/issues`, { method: "POST", headers: auth, body: JSON.stringify({ subject, markdown: `Past issue ${run}.` }) })).body;
    const older = await send(`Past older ${run}`);
    const newer = await send(`Past newer ${run}`);

    // the list through the gateway: for staff who write, a problem for anyone else
    const writer = await registerVerified("writer", ["reader", "author"]);
    const writerAuth = { authorization: `Bearer ${await apiToken(writer.email)}` };
    const listed = (await json(`${BASE}/api/v1/newsletter/issues?limit=100`, { headers: writerAuth })).body;
    const ids = listed.items.map((i) => i.id);
    assert.ok(ids.indexOf(newer.id) >= 0 && ids.indexOf(newer.id) < ids.indexOf(older.id), "newest first");
    const reader = await registerVerified("nosy");
    for (const [who, headers, status] of [["a reader", { authorization: `Bearer ${await apiToken(reader.email)}` }, 403], ["nobody", {}, 401]]) {
      const refused = await json(`${BASE}/api/v1/newsletter/issues`, { headers, allowError: true });
      assert.equal(refused.status, status, who);
      assert.match(refused.headers.get("content-type"), /^application\/problem\+json/, who);
      assert.equal(refused.body.status, status, who);
    }
    const outsider = await json(`${BASE}/api/v1/newsletter/issues?cursor=not-a-cursor`, { headers: writerAuth, allowError: true });
    assert.equal(outsider.status, 400);
    assert.equal(outsider.body.field, "cursor");

    const page = await ctx.newPage();
    await signIn(page, author.email);
    await page.goto(`${BASE}/author/newsletter`);
    const rows = page.getByRole("table", { name: "Past issues" }).locator("tbody tr");
    const subjects = await rows.locator("td:first-child").allTextContents();
    assert.ok(subjects.indexOf(`Past newer ${run}`) >= 0 && subjects.indexOf(`Past newer ${run}`) < subjects.indexOf(`Past older ${run}`), `newest first: ${subjects.join(" | ")}`);
    const row = page.locator(`tr[data-issue="${newer.id}"]`);
    assert.match(await row.locator("td").nth(1).textContent(), /^(Sent|Sending)$/);
    assert.match(await row.locator("td").nth(2).textContent(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await until("the issue to be delivered", async () => {
      await page.reload();
      return /^Sent$/.test(await row.locator("td").nth(1).textContent()) && /^[1-9]\d* of [1-9]\d* delivered/.test(await row.locator("td").nth(3).textContent());
    });
    assert.equal(await page.getByRole("heading", { name: "Send a new issue" }).count(), 1);
    await noSeriousA11yViolations(page, "author newsletter list");
    await shoot(page, "author-newsletter");
    await followLink(row.getByRole("link", { name: `Past newer ${run}` }));
    await page.waitForURL(`**/author/newsletter/${newer.id}`);
    assert.equal(await page.getByRole("row", { name: new RegExp(subscriber) }).count(), 1);

    // a position before every issue: an empty page, said in words, with the way back
    const before1970 = Buffer.from(`-1000000|00000000-0000-0000-0000-000000000000`).toString("base64url");
    await page.goto(`${BASE}/author/newsletter?cursor=${before1970}`);
    await page.getByText("No older issues.").waitFor();
    assert.equal(await page.getByRole("table", { name: "Past issues" }).count(), 0);
    await shoot(page, "author-newsletter-empty");
    await followLink(page.getByRole("link", { name: "Newest issues" }));
    await page.waitForURL((u) => u.pathname === "/author/newsletter" && !u.search);
    await page.locator(`tr[data-issue="${newer.id}"]`).waitFor();

    // an author sees the same list, without the admin's delivery pages or composer
    const wctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const w = await wctx.newPage();
    await signIn(w, writer.email);
    await w.goto(`${BASE}/author/newsletter`);
    const theirs = w.locator(`tr[data-issue="${newer.id}"]`);
    await theirs.waitFor();
    assert.equal(await theirs.getByRole("link").count(), 0, "no link to the admin-only delivery page");
    await w.getByText("Sending the newsletter needs the admin role.").waitFor();
    assert.equal(await w.getByLabel("Subject").count(), 0);
    await wctx.close();
  });
}
