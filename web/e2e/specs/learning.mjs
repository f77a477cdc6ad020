// Learning screens: the post page's own layer (progress, bookmark, notes), /learn, /review, quizzes,
// the daily challenge, leaderboards and certificates (with the public verification page).
export default function ({ test, assert, BASE, PORTS, CONTENT, json, until, registerVerified, apiToken, signIn, shoot, noSeriousA11yViolations, psql, auth, run, series: streams, part1, part2, publishedPost }) {
  const LEARNING = `http://127.0.0.1:${PORTS.learning}`;
  const bearer = (token) => ({ authorization: `Bearer ${token}` });

  // Publishing a post into a series sends learning no SeriesChanged event (content publishes one only
  // when the series itself is saved), so learning would see the series empty: save its order once.
  async function seriesKnown(seriesId, postIds, token) {
    await json(`${CONTENT}/api/v1/admin/series/${seriesId}/posts`, { method: "PUT", headers: auth, body: JSON.stringify({ postIds }) });
    await until("learning sees the series' posts", async () => {
      const r = await json(`${LEARNING}/api/v1/progress/series/${seriesId}`, { headers: bearer(token), allowError: true });
      return r.status === 200 && r.body.totalPosts === postIds.length;
    });
  }

  /** Author questions (multiple choice, option 0 right) so a quiz needs no question generator. */
  async function questions(postId, n, tag) {
    await Promise.all(Array.from({ length: n }, (_, k) => k + 1).map((i) => json(`${LEARNING}/api/v1/quizzes/questions`, {
      method: "POST", headers: auth,
      body: JSON.stringify({ postId, type: "MULTIPLE_CHOICE", prompt: `${tag} question ${i}?`, options: [`${tag}-right-${i}`, `${tag}-wrong-${i}`], correct: [0], explanation: `Because ${tag} ${i} is so.` }),
    })));
  }

  test("learning: a reader bookmarks a post and reads it to the end on the post page, marks another read, and sees both on /learn with XP", async (ctx) => {
    const reader = await registerVerified("learner");
    await seriesKnown(streams.id, [part1.id, part2.id], await apiToken(reader.email));
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.clock.install();
    await page.goto(`${BASE}/posts/${part1.slug}`);
    const panel = page.getByRole("region", { name: "Your learning" });
    await panel.waitFor();
    await panel.getByRole("button", { name: "☆ Bookmark" }).click();
    await panel.getByRole("status").getByText("Bookmarked.").waitFor();
    assert.equal(await panel.getByRole("button", { name: "★ Bookmarked" }).getAttribute("aria-pressed"), "true");
    await panel.getByLabel("A note only you can see").fill(`Lazy streams ${run}`);
    await panel.getByRole("button", { name: "Save note" }).click();
    await panel.getByText(`Lazy streams ${run}`).waitFor();
    await panel.getByRole("button", { name: `Edit note: Lazy streams ${run}` }).click();
    await panel.getByLabel("Edit the note").fill(`Lazy streams, edited ${run}`);
    await panel.getByRole("button", { name: "Save changes" }).click();
    await panel.getByText(`Lazy streams, edited ${run}`).waitFor();
    // read to the end and spend the post's reading time on it (the page's clock runs two minutes on)
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.clock.runFor(150_000);
    await panel.getByText(/You read this post: \+\d+ XP\./).waitFor();
    assert.equal((await panel.getByTestId("reading-state").textContent()).trim().startsWith("Read"), true);

    await page.goto(`${BASE}/posts/${part2.slug}`);
    const panel2 = page.getByRole("region", { name: "Your learning" });
    await panel2.getByRole("button", { name: "Mark as read" }).click();
    await panel2.getByRole("status").getByText("Marked as read.").waitFor();

    await page.goto(`${BASE}/learn`);
    const xp = Number((await page.getByTestId("xp-total").textContent()).replace(/\D/g, ""));
    assert.ok(xp >= 10, `XP gained (got ${xp})`);
    const bookmarks = page.getByRole("region", { name: "Bookmarks" });
    assert.equal(await bookmarks.getByRole("link", { name: part1.title }).count(), 1);
    assert.match(await page.getByRole("region", { name: "Reading", exact: true }).textContent(), /2 of \d+ posts/);
    assert.equal(await page.getByRole("region", { name: "Notes" }).getByText(`Lazy streams, edited ${run}`).count(), 1);
    assert.match(await page.getByRole("region", { name: "Series" }).textContent(), /2 of 2 posts read/);
    const exportHref = await page.getByRole("link", { name: "Export all notes (Markdown)" }).getAttribute("href");
    const exported = await page.evaluate(async (href) => (await fetch(href)).text(), exportHref);
    assert.ok(exported.includes(`Lazy streams, edited ${run}`), "the export holds the note");
    await noSeriousA11yViolations(page, "learn");
    await shoot(page, "learn");
    await page.goto(`${BASE}/posts/${part1.slug}`);
    await page.getByRole("region", { name: "Your learning" }).getByText(/^Read on/).waitFor();
    await noSeriousA11yViolations(page, "post (signed in)");
    await shoot(page, "post-learning");
  });

  test("learning: a reader reviews a due card on /review with the keyboard, the queue shrinks, and undo brings it back", async (ctx) => {
    const reader = await registerVerified("reviewer");
    const token = await apiToken(reader.email);
    for (const [front, back] of [[`What does map return ${run}?`, "A new stream"], [`Is a stream reusable ${run}?`, "No"]]) {
      await json(`${LEARNING}/api/v1/srs/cards`, { method: "POST", headers: bearer(token), body: JSON.stringify({ kind: "BASIC", front, back }) });
    }
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/review`);
    const left = page.getByTestId("queue-left");
    assert.equal(await left.textContent(), "2 cards to review");
    assert.equal(await page.getByTestId("card-back").count(), 0);
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await noSeriousA11yViolations(page, "review");
    await shoot(page, "review");
    await page.keyboard.press("3");
    await page.getByText(/^Good: next review /).waitFor();
    assert.equal(await left.textContent(), "1 card to review");
    await page.keyboard.press("u");
    await page.getByText("Undone: the card is back.").waitFor();
    assert.equal(await left.textContent(), "2 cards to review");

    await page.goto(`${BASE}/review/cards`);
    await page.getByLabel("Front").fill(`Which operation is terminal ${run}?`);
    await page.getByLabel("Back").fill("collect");
    await page.getByRole("button", { name: "Add card" }).click();
    await page.getByText("1 card added.").waitFor();
    assert.match(await page.getByRole("heading", { name: /Your cards/ }).textContent(), /\(3\)/);
    await page.getByRole("button", { name: `Suspend card: Which operation is terminal ${run}?` }).click();
    await page.getByText("Card suspended.").waitFor();
    await page.getByLabel(/Desired retention/).fill("0.85");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    const settings = (await json(`${LEARNING}/api/v1/srs/settings`, { headers: bearer(token) })).body;
    assert.equal(settings.desiredRetention, 0.85);
    await noSeriousA11yViolations(page, "review-cards");
    await shoot(page, "review-cards");
  });

  test("learning: a reader takes a post quiz, sees the graded result with explanations, adds the mistake to review and is on the leaderboard", async (ctx) => {
    const post = await publishedPost(`Quiz me ${run}`);
    await questions(post.id, 5, "q");
    const reader = await registerVerified("quizzer");
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/quizzes/post/${post.slug}`);
    await until("learning knows the post", async () => {
      await page.getByRole("button", { name: /Start the quiz|Take it again/ }).click();
      return page.getByRole("button", { name: "Submit answers" }).waitFor({ timeout: 3000 }).then(() => true, () => false);
    });
    for (let i = 1; i <= 5; i++) await page.getByRole("radio", { name: new RegExp(`q-${i === 5 ? "wrong" : "right"}-${i}$`) }).check();
    await page.getByRole("button", { name: "Submit answers" }).click();
    const score = page.getByTestId("quiz-score");
    await score.waitFor();
    assert.match(await score.textContent(), /80%.*4 of 5 right.*Passed/);
    assert.equal(await page.getByText("Because q 5 is so.").count(), 1);
    assert.equal(await page.getByText("✗ Wrong").count(), 1);
    await page.getByRole("button", { name: "Add my mistakes to review" }).click();
    await page.getByText("1 review card added for 1 mistake.").waitFor();
    await page.getByRole("region", { name: "Leaderboard" }).getByRole("cell", { name: /quizzer/ }).waitFor();
    await noSeriousA11yViolations(page, "quiz");
    await shoot(page, "quiz");
    await page.goto(`${BASE}/quizzes`);
    assert.match(await page.getByRole("region", { name: "Your last attempts" }).textContent(), /80%/);
    await noSeriousA11yViolations(page, "quizzes");
    await shoot(page, "quizzes");
  });

  test("learning: the certificate verification page shows a valid certificate to anyone, and a clear not-found for an unknown id", async (ctx, browser) => {
    const series = (await json(`${CONTENT}/api/v1/admin/series`, { method: "POST", headers: auth, body: JSON.stringify({ title: `Certified ${run}`, slug: `certified-${run}`, description: "One post, one quiz." }) })).body;
    const post = await publishedPost(`Certified part ${run}`, { seriesId: series.id, seriesPosition: 1 });
    await questions(post.id, 10, "c");
    const reader = await registerVerified("graduate");
    const token = await apiToken(reader.email);
    await seriesKnown(series.id, [post.id], token);
    const read = (await json(`${LEARNING}/api/v1/progress/posts/${post.id}`, { method: "PUT", headers: bearer(token), body: JSON.stringify({ depthPercent: 100, secondsSpent: 3600 }) })).body;
    assert.equal(read.read, true);
    assert.equal((await json(`${LEARNING}/api/v1/progress/series/${series.id}`, { headers: bearer(token) })).body.completed, true);
    const attempt = (await json(`${LEARNING}/api/v1/quizzes/attempts`, { method: "POST", headers: bearer(token), body: JSON.stringify({ seriesId: series.id }) })).body;
    const result = (await json(`${LEARNING}/api/v1/quizzes/attempts/${attempt.id}/submission`, { method: "POST", headers: bearer(token), body: JSON.stringify({ answers: attempt.questions.map((q) => ({ questionId: q.id, selected: [0] })) }) })).body;
    assert.equal(result.passed, true);

    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/certificates`);
    await page.getByRole("button", { name: `Claim the Completed certificate for ${series.title}` }).click();
    await page.getByRole("region", { name: "Yours" }).getByRole("heading", { name: series.title }).waitFor();
    const pdfHref = await page.getByRole("link", { name: "Download PDF" }).getAttribute("href");
    const pdf = await page.evaluate(async (href) => { const r = await fetch(href); return [r.status, r.headers.get("content-type"), (await r.text()).slice(0, 5)]; }, pdfHref);
    assert.deepEqual(pdf, [200, "application/pdf", "%PDF-"]);
    await noSeriousA11yViolations(page, "certificates");
    await shoot(page, "certificates");
    const id = pdfHref.split("/").at(-2);

    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    // a visitor's post page: the cached page asks who reads (401) and shows no learning panel
    const [status] = await Promise.all([v.waitForResponse((r) => r.url().includes("/bff/api/v1/bookmarks/status")), v.goto(`${BASE}/posts/${part1.slug}`)]);
    assert.equal(status.status(), 401);
    assert.equal(await v.getByRole("region", { name: "Your learning" }).count(), 0);
    await v.goto(`${BASE}/certificates/verify/${id}`);
    assert.equal(await v.getByRole("heading", { level: 2 }).textContent(), "✓ Valid certificate");
    assert.match(await v.locator(".verify").textContent(), new RegExp(`graduate ${run}.*Certified ${run}`));
    await noSeriousA11yViolations(v, "verify");
    await shoot(v, "certificate-verify");
    const res = await v.goto(`${BASE}/certificates/verify/00000000-0000-4000-8000-000000000000`);
    assert.equal(res.status(), 200);
    assert.equal(await v.getByRole("heading", { level: 2 }).textContent(), "✗ No such certificate");
    await v.goto(`${BASE}/certificates/verify/not-an-id`);
    assert.equal(await v.getByRole("heading", { level: 2 }).textContent(), "✗ No such certificate");
    await visitor.close();
  });

  test("learning: a reader solves today's challenge and is on its leaderboard, sees and changes their XP leaderboard choice both ways (also without JavaScript), and answers a mock interview", async (ctx, browser) => {
    const tag = `interview${run}`;
    await json(`${LEARNING}/api/v1/interviews/bank`, { method: "POST", headers: auth, body: JSON.stringify({ tag, prompt: `Why are streams lazy ${run}?`, reference: "Intermediate operations run only when a terminal operation pulls elements through the pipeline." }) });
    const entry = (await json(`${LEARNING}/api/v1/challenges/pool`, {
      method: "POST", headers: auth,
      body: JSON.stringify({ kind: "MULTIPLE_CHOICE", title: `Flatten ${run}`, prompt: "Which operation flattens a stream of lists?", options: ["map", "flatMap", "filter"], answer: "1", explanation: "flatMap maps each list to a stream and concatenates them.", maxAttempts: 2 }),
    })).body;
    // only future days can be scheduled through the API: today's is set directly
    psql(`insert into learning.challenge_schedule (day, challenge_id) values ((now() at time zone 'utc')::date, '${entry.id}') on conflict (day) do update set challenge_id = excluded.challenge_id`);
    const reader = await registerVerified("solver");
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/challenge`);
    await page.getByRole("heading", { name: `Flatten ${run}` }).waitFor();
    await page.getByRole("radio", { name: "filter" }).check();
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByText("Not quite. 1 attempt left.").waitFor();
    await page.getByRole("radio", { name: "flatMap" }).check();
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByText("Correct: solved!").waitFor();
    await page.getByText("flatMap maps each list").first().waitFor();
    await page.getByRole("region", { name: "Today leaderboard" }).getByRole("cell", { name: `solver ${run}` }).waitFor();
    await noSeriousA11yViolations(page, "challenge");
    await shoot(page, "challenge");

    // the XP leaderboards show the reader's current choice and change it both ways, with and without JavaScript
    const token = await apiToken(reader.email);
    const choice = async () => (await json(`${LEARNING}/api/v1/gamification/leaderboards/opt-out`, { headers: bearer(token) })).body.optOut;
    const state = page.getByTestId("opt-out-state");
    const aroundMe = page.getByRole("region", { name: "Around you" });
    await page.goto(`${BASE}/leaderboards?board=all-time`);
    await page.getByRole("heading", { name: "All time: top 20" }).waitFor();
    assert.match(await state.textContent(), /^You are shown on the leaderboards/);
    await aroundMe.getByRole("cell", { name: new RegExp(`solver ${run}.*\\(you\\)`) }).waitFor();
    await page.getByRole("button", { name: "Hide me from leaderboards" }).click();
    await page.getByRole("status").getByText("You are hidden from the leaderboards.").waitFor();
    assert.equal(new URL(page.url()).searchParams.get("board"), "all-time", "back on the board the reader was on");
    assert.match(await state.textContent(), /^You are hidden from the leaderboards/);
    await aroundMe.getByText("you chose to hide from the leaderboards").waitFor();
    assert.equal(await choice(), true);
    // a fresh load reads the choice back from learning-service, not from the notice
    await page.goto(`${BASE}/leaderboards?board=week`);
    assert.match(await state.textContent(), /^You are hidden from the leaderboards/);
    assert.equal(await page.getByRole("button", { name: "Show me on leaderboards" }).count(), 1);
    assert.equal(await page.getByRole("button", { name: "Hide me from leaderboards" }).count(), 0);
    await noSeriousA11yViolations(page, "leaderboards");
    await shoot(page, "leaderboards");

    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await ctx.storageState() });
    const plain = await noJs.newPage();
    await plain.goto(`${BASE}/leaderboards?board=all-time`);
    await plain.getByRole("button", { name: "Show me on leaderboards" }).click();
    await plain.getByRole("status").getByText("You are back on the leaderboards.").waitFor();
    assert.match(await plain.getByTestId("opt-out-state").textContent(), /^You are shown on the leaderboards/);
    await plain.getByRole("region", { name: "Around you" }).getByRole("cell", { name: new RegExp(`solver ${run}.*\\(you\\)`) }).waitFor();
    assert.equal(await choice(), false);
    await plain.getByRole("button", { name: "Hide me from leaderboards" }).click();
    await plain.getByRole("status").getByText("You are hidden from the leaderboards.").waitFor();
    assert.equal(await choice(), true);
    // a form without the CSRF token changes nothing
    const forged = await noJs.request.post(`${BASE}/leaderboards/opt-out`, { form: { optOut: "false", board: "week" }, maxRedirects: 0 });
    assert.equal(forged.status(), 403);
    assert.equal(await choice(), true);
    await noJs.close();

    // a mock interview on a tag of the author's question bank
    await page.goto(`${BASE}/interviews`);
    await noSeriousA11yViolations(page, "interviews");
    await page.getByLabel(/or a tag/).fill(tag);
    await page.getByLabel(/^Questions/).fill("1");
    await page.getByRole("button", { name: "Start the interview" }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    await page.getByLabel(`1. Why are streams lazy ${run}?`).fill("Intermediate operations run only when a terminal operation pulls elements.");
    await page.getByRole("button", { name: "Answer" }).click();
    await page.getByRole("heading", { name: /^Overall: \d+%$/ }).waitFor({ timeout: 15_000 });
    await noSeriousA11yViolations(page, "interview");
    await shoot(page, "interview");
  });
}
