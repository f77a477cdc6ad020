// Admin screens (/admin/**): comment moderation and readers' comment actions, users (roles, suspension),
// redirects, dead letters. Every test drives the browser; the API is used only to set the stage.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";

export default function ({ test, assert, BASE, CONTENT, run, PASSWORD, json, until, registerVerified, apiToken, signIn, hydrated, followLink, shoot, noSeriousA11yViolations, author, auth, part1, part2 }) {
  const SIGN_IN_REFUSED = "Sign-in failed: the email or password is wrong, or the account is not activated yet.";

  async function adminPage(browser) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, author.email);
    return { ctx, page };
  }

  /** The comment list of a post as the page rendered it, once its GET has answered. */
  async function openPostComments(page, slug) {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/posts/${slug}/comments`) && r.request().method() === "GET"),
      page.goto(`${BASE}/posts/${slug}`),
    ]);
    assert.equal(res.status(), 200);
    return res.json();
  }

  test("admin screens: a reader's first comment is held, an admin approves it in the queue, and the reader edits it", async (ctx, browser) => {
    const reader = await registerVerified("held");
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/posts/${part2.slug}`);
    const text = `First words ${run}`;
    await (await hydrated(page.getByLabel("Add a comment"))).fill(text);
    await page.getByRole("button", { name: "Post comment" }).click();
    await page.getByText("appears once a moderator approves it").waitFor();

    const { ctx: actx, page: admin } = await adminPage(browser);
    await admin.goto(`${BASE}/admin`);
    assert.equal(await admin.getByRole("heading", { level: 1 }).textContent(), "Administration");
    for (const name of ["Comments", "Redirects", "Users", "Events", "Billing"]) assert.equal(await admin.getByRole("link", { name, exact: true }).count(), 1, name);
    assert.match(await admin.locator("li.card", { hasText: "moderation queue" }).textContent(), /[1-9]\d* pending/);
    await noSeriousA11yViolations(admin, "admin");
    await shoot(admin, "admin");

    await admin.goto(`${BASE}/admin/comments`);
    const card = admin.locator("li.moderation", { hasText: text });
    await card.waitFor();
    assert.match(await card.textContent(), /PENDING/);
    assert.equal(await card.getByRole("link", { name: part2.slug }).getAttribute("href"), `/posts/${part2.slug}`);
    await noSeriousA11yViolations(admin, "admin comments");
    await shoot(admin, "admin-comments");
    await card.getByRole("button", { name: "Approve" }).click();
    await admin.getByText("Comment approved: it is shown on its post.").waitFor();
    assert.equal(await admin.locator("li.moderation", { hasText: text }).count(), 0, "no longer pending");
    await actx.close();

    // the reader sees it now, may edit it, and is not offered to report their own comment
    await page.reload();
    const mine = page.locator("li.comment", { hasText: text });
    await mine.waitFor();
    assert.equal(await mine.getByRole("button", { name: "Report" }).count(), 0);
    await mine.getByRole("button", { name: "Edit" }).click();
    const edited = `Second thoughts ${run}`;
    await page.getByLabel("Edit your comment").fill(edited);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Comment updated.").waitFor();
    const kept = (await json(`${CONTENT}/api/v1/posts/${part2.slug}/comments`)).body;
    assert.ok(kept.some((c) => c.body === edited), "the service keeps the edit");
    await page.reload();
    await page.locator("li.comment", { hasText: edited }).waitFor();
    assert.equal(await page.locator("li.comment", { hasText: text }).count(), 0);
  });

  test("admin screens: a reader reports a comment, an admin rejects it from the reported queue, and it leaves the post", async (ctx, browser) => {
    const troll = await registerVerified("troll");
    const rude = `Rude words ${run}`;
    const kind = `Kind words ${run}`;
    const c = (await json(`${CONTENT}/api/v1/posts/${part2.slug}/comments`, { method: "POST", headers: { authorization: `Bearer ${await apiToken(troll.email)}` }, body: JSON.stringify({ body: rude }) })).body;
    await json(`${CONTENT}/api/v1/admin/comments/${c.id}/approve`, { method: "POST", headers: auth });
    await json(`${CONTENT}/api/v1/posts/${part2.slug}/comments`, { method: "POST", headers: auth, body: JSON.stringify({ body: kind }) });

    const reporter = await registerVerified("reporter");
    const page = await ctx.newPage();
    await signIn(page, reporter.email);
    await page.goto(`${BASE}/posts/${part2.slug}`);
    const li = page.locator("li.comment", { hasText: rude });
    await li.waitFor();
    assert.equal(await li.getByRole("button", { name: "Edit" }).count(), 0, "not the reporter's own comment");
    await li.getByRole("button", { name: "Report" }).click();
    const dialog = li.getByRole("group", { name: "Why should a moderator look at this comment?" });
    assert.deepEqual(await dialog.getByRole("radio").evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())), ["Spam or advertising", "Harassment or abuse", "Off-topic", "Something else"]);
    await li.getByLabel("Anything the moderator should know? (optional)").fill("It insults other readers.");
    await noSeriousA11yViolations(page, "report dialog");
    await dialog.getByRole("radio", { name: "Harassment or abuse" }).check();
    await shoot(page, "comment-report");
    await page.getByRole("button", { name: "Send report" }).click();
    await li.getByText("Thanks: a moderator will look at this comment.").waitFor();

    // a second reader reports it through the gateway's API; a reason outside the set is refused there
    const second = await registerVerified("reporter2");
    const secondAuth = { authorization: `Bearer ${await apiToken(second.email)}` };
    const refused = await json(`${BASE}/api/v1/comments/${c.id}/reports`, { method: "POST", headers: secondAuth, body: JSON.stringify({ reason: "RUDE" }), allowError: true });
    assert.equal(refused.status, 400);
    assert.match(refused.headers.get("content-type"), /^application\/problem\+json/);
    assert.equal(refused.body.field, "reason");
    const long = await json(`${BASE}/api/v1/comments/${c.id}/reports`, { method: "POST", headers: secondAuth, body: JSON.stringify({ reason: "SPAM", note: "x".repeat(501) }), allowError: true });
    assert.equal(long.status, 400);
    assert.deepEqual(long.body.errors.map((e) => e.field), ["note"]);
    assert.equal((await json(`${BASE}/api/v1/comments/${c.id}/reports`, { method: "POST", headers: secondAuth, body: JSON.stringify({ reason: "SPAM" }) })).status, 202);

    const { ctx: actx, page: admin } = await adminPage(browser);
    await admin.goto(`${BASE}/admin/comments?view=reported`);
    assert.equal(await admin.getByRole("link", { name: "Reported" }).getAttribute("aria-current"), "page");
    const card = admin.locator("li.moderation", { hasText: rude });
    await card.waitFor();
    assert.match(await card.textContent(), /Reported 2 times/);
    assert.match(await card.textContent(), /APPROVED/);
    const harassment = card.locator('li[data-reason="HARASSMENT"]');
    assert.match(await harassment.textContent(), /^Harassment or abuse × 1/);
    assert.equal(await harassment.getByRole("list", { name: "Readers’ notes: Harassment or abuse" }).textContent(), "It insults other readers.");
    assert.match(await card.locator('li[data-reason="SPAM"]').textContent(), /^Spam or advertising × 1$/);
    assert.equal(await card.locator("li[data-reason]").count(), 2, "no reason nobody gave");
    await noSeriousA11yViolations(admin, "admin reported comments");
    await shoot(admin, "admin-comments-reported");
    await card.getByRole("button", { name: "Reject" }).click();
    await admin.getByText("Comment rejected: it is no longer shown.").waitFor();
    assert.match(await admin.locator("li.moderation", { hasText: rude }).textContent(), /REJECTED/);
    await actx.close();

    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    const list = await openPostComments(v, part2.slug);
    assert.ok(!JSON.stringify(list).includes(rude), "content no longer serves it");
    await v.locator("li.comment", { hasText: kind }).waitFor();
    assert.equal(await v.locator("li.comment", { hasText: rude }).count(), 0, "gone from the post page");
    await visitor.close();
  });

  test("admin screens: an admin changes a user's roles, suspends them (their sign-in is refused), unsuspends them, and grants and revokes premium", async (ctx, browser) => {
    const user = await registerVerified("suspended");
    const { ctx: actx, page: admin } = await adminPage(browser);
    await admin.goto(`${BASE}/admin/users?q=${encodeURIComponent(user.email)}`);
    const card = () => admin.locator("li.user", { hasText: user.email });
    await card().waitFor();
    assert.equal(await admin.locator("p[role=status]", { hasText: "Users" }).textContent(), "Users 1–1 of 1");
    assert.match(await card().textContent(), /Active/);
    await noSeriousA11yViolations(admin, "admin users");
    await shoot(admin, "admin-users");

    await card().getByLabel("author", { exact: true }).check();
    await card().getByRole("button", { name: "Save roles" }).click();
    await admin.getByText(/^Roles of .+: reader, author\./).waitFor();
    assert.equal(await card().getByLabel("author", { exact: true }).isChecked(), true);

    await card().getByRole("button", { name: "Suspend" }).click();
    await admin.getByText("is suspended and signed out everywhere.").waitFor();
    assert.match(await card().textContent(), /Suspended/);

    const page = await ctx.newPage();
    await page.goto(`${BASE}/signin`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/signin" && u.searchParams.has("error"));
    assert.equal(await page.locator("p.error").textContent(), SIGN_IN_REFUSED);

    await card().getByRole("button", { name: "Unsuspend" }).click();
    await admin.getByText("can sign in again.").waitFor();
    assert.match(await card().textContent(), /Active/);

    // premium by hand, from the user's card: billing grants it, and revokes it with a note
    await followLink(card().getByRole("link", { name: "Grant premium" }));
    await admin.waitForURL((u) => u.pathname === "/admin/billing");
    await admin.getByLabel("Note").fill(`Conference speaker ${run}`);
    await admin.getByRole("button", { name: "Grant premium" }).click();
    await admin.getByText(/^Premium granted until .+ UTC\.$/).waitFor();
    const grant = admin.locator("li.card", { hasText: `Conference speaker ${run}` });
    assert.match(await grant.textContent(), /manual · manual · active/);
    await noSeriousA11yViolations(admin, "admin billing");
    await shoot(admin, "admin-billing");
    await grant.getByLabel("Why revoke").fill(`Talk cancelled ${run}`);
    await grant.getByRole("button", { name: "Revoke" }).click();
    await admin.getByText("The grant is revoked.").waitFor();
    const revoked = await admin.locator("li.card", { hasText: `Talk cancelled ${run}` }).textContent();
    assert.match(revoked, /manual · manual · canceled/);
    assert.equal(await admin.locator("li.card", { hasText: `Talk cancelled ${run}` }).getByRole("button", { name: "Revoke" }).count(), 0);
    await actx.close();
    await signIn(page, user.email);
    assert.notEqual(new URL(page.url()).pathname, "/signin");
  });

  test("admin screens: an admin adds a redirect, the old post address lands on the new one, a live slug is refused, and deleting it ends it", async (ctx, browser) => {
    const page = await ctx.newPage();
    await signIn(page, author.email);
    await page.goto(`${BASE}/admin/redirects`);
    const from = `old-streams-${run}`;
    await page.getByLabel("What it leads to").selectOption("POST");
    await page.getByLabel("From (old slug)").fill(from);
    await page.getByLabel("To (live slug)").fill(part1.slug);
    await page.getByRole("button", { name: "Add redirect" }).click();
    await page.getByText(`/posts/${from} now leads to /posts/${part1.slug}.`).waitFor();
    const row = page.locator("tr", { hasText: `/posts/${from}` });
    assert.equal(await row.count(), 1);
    await noSeriousA11yViolations(page, "admin redirects");
    await shoot(page, "admin-redirects");

    const moved = await fetch(`${BASE}/posts/${from}`, { redirect: "manual" });
    assert.equal(moved.status, 301, "a permanent redirect search engines act on");
    assert.equal(new URL(moved.headers.get("location"), BASE).pathname, `/posts/${part1.slug}`);
    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    await v.goto(`${BASE}/posts/${from}`);
    assert.equal(new URL(v.url()).pathname, `/posts/${part1.slug}`);
    assert.equal(await v.getByRole("heading", { level: 1 }).textContent(), part1.title);
    await visitor.close();

    // content's refusal is shown as it is
    await page.getByLabel("From (old slug)").fill(part2.slug);
    await page.getByLabel("To (live slug)").fill(part1.slug);
    await page.getByRole("button", { name: "Add redirect" }).click();
    await page.locator("p.error", { hasText: `'${part2.slug}' is a live post slug; it cannot redirect.` }).waitFor();

    await page.locator("tr", { hasText: `/posts/${from}` }).getByRole("button", { name: "Delete" }).click();
    await page.getByText(`The redirect from /posts/${from} is deleted.`).waitFor();
    assert.equal(await page.locator("tr", { hasText: `/posts/${from}` }).count(), 0);
    await until("the old address to be gone", async () => (await fetch(`${BASE}/posts/${from}`, { redirect: "manual" })).status === 404, 10_000);
  });

  // Redis of the platform under test: the same host the services use (./lectern's defaults).
  function redis(...args) {
    return execFileSync("redis-cli", ["-h", process.env.LECTERN_REDIS_HOST ?? "127.0.0.1", "-p", process.env.LECTERN_REDIS_PORT ?? "6379", ...args], { encoding: "utf8" });
  }
  /**
   * This platform's event namespace (Redis is shared by every platform on the machine): the one whose
   * content stream carries an event only this run made. The newest delivered entry is never trimmed.
   */
  async function eventsNamespace() {
    const marker = `Namespace probe ${run}`;
    await json(`${CONTENT}/api/v1/posts/${part1.slug}/comments`, { method: "POST", headers: auth, body: JSON.stringify({ body: marker }) });
    const suffix = ":events:content";
    return until("this platform's event namespace in Redis", async () => {
      for (const key of redis("--scan", "--pattern", `*${suffix}`).split("\n").filter(Boolean)) {
        if (redis("XREVRANGE", key, "+", "-", "COUNT", "50").includes(marker)) return key.slice(0, -suffix.length);
      }
      return null;
    });
  }

  test("admin screens: the dead-letter page lists every service; a dead letter is shown, its failed replay explained, and it is deleted", async (ctx) => {
    // A poison event as notify's consumer would have dead-lettered it after five failed deliveries:
    // a comment-created event (notify handles those) whose payload is not JSON.
    const ns = await eventsNamespace();
    const now = new Date().toISOString();
    const marker = `poison-${run}`;
    const entry = redis("XADD", `${ns}:events:content:dlq`, "*", "originalId", "0-1", "group", "notify-service", "id", randomUUID(),
      "type", "content.comment-created.v1", "occurredAt", now, "producer", "content", "aggregateId", part1.id,
      "payload", `not json ${marker}`, "error", "java.lang.IllegalStateException: put here by the e2e suite", "deliveries", "5", "deadAt", now).trim();
    const id = `content:${entry}`;

    const page = await ctx.newPage();
    await signIn(page, author.email);
    await page.goto(`${BASE}/admin/events`);
    for (const s of ["identity", "content", "learning", "ai", "billing", "notify"]) {
      assert.equal(await page.getByRole("heading", { level: 2, name: s, exact: true }).count(), 1, `${s} heading`);
      assert.match(await page.locator(`td[data-service="${s}"]`).textContent(), /^\d+\+?$/, `${s} answered with a count`);
    }
    assert.ok(Number((await page.locator('td[data-service="notify"]').textContent()).replace("+", "")) >= 1);
    const card = page.locator("#events-notify ~ ul li.dead-letter", { hasText: id });
    await card.waitFor();
    assert.match(await card.textContent(), /content\.comment-created\.v1 from content/);
    assert.match(await card.textContent(), /5 deliveries/);
    await noSeriousA11yViolations(page, "admin events");
    await shoot(page, "admin-events");

    await followLink(card.getByRole("link", { name: "Show" }));
    await page.waitForURL((u) => u.pathname.startsWith("/admin/events/notify/"));
    assert.match(await page.locator("pre.payload").last().textContent(), new RegExp(marker));
    await noSeriousA11yViolations(page, "admin dead letter");
    await page.getByRole("button", { name: "Replay" }).click();
    const failure = page.locator("p.error", { hasText: `Replay of ${id} failed: The handler failed again; the dead letter was kept.` });
    await failure.waitFor();
    assert.match(await failure.textContent(), /Error: .+/, "the handler's error is shown");
    await page.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/events");
    await page.getByText(`Deleted dead letter ${id} of notify.`).waitFor();
    assert.equal(await page.locator("li.dead-letter", { hasText: id }).count(), 0);
    assert.equal(redis("XRANGE", `${ns}:events:content:dlq`, entry, entry).trim(), "", "gone from Redis");
  });
}
