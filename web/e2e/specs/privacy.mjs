// "Download my data" joins what every service keeps about the person into one file.
export default function ({ test, assert, BASE, registerVerified, signIn }) {
  test("a reader downloads one file with their account, learning, notes, AI and billing sections", async (ctx) => {
    const reader = await registerVerified("exporter");
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/privacy`);
    const link = page.getByRole("link", { name: "Download my data (JSON)" });
    assert.equal(await link.getAttribute("href"), "/account/export");
    const res = await ctx.request.get(`${BASE}/account/export`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-disposition"] ?? "", /attachment/);
    const data = await res.json();
    assert.equal(JSON.stringify(data.account).includes(reader.email), true, "the account section is identity's export");
    for (const section of ["learning", "notes", "aiThreads", "subscription", "invoices"]) {
      assert.ok(data[section] !== undefined, `section ${section}`);
      assert.equal(data[section]?.unavailable, undefined, `section ${section} was read: ${JSON.stringify(data[section]).slice(0, 200)}`);
    }
    const anonymous = await ctx.browser().newContext();
    const r2 = await anonymous.request.get(`${BASE}/account/export`, { maxRedirects: 0 });
    assert.equal(r2.status(), 303, "signed-out: sent to sign in");
    await anonymous.close();
  });
}
