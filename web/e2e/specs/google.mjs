// Google sign-in: the e2e platform runs without Google credentials (Google cannot be reached from CI),
// so this checks the unconfigured behaviour through the real gateway, web app and identity-service.
// The configured flow (identity's state/nonce/PKCE, code exchange, ID-token checks) is covered by
// identity-service's own tests against a Google stand-in; the web's state binding by its unit test.
export default function ({ test, assert, BASE }) {
  test("without Google credentials there is no Google button, and /auth/google explains why on the sign-in page", async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${BASE}/signin`);
    assert.equal(await page.getByRole("link", { name: "Sign in with Google" }).count(), 0);
    await page.goto(`${BASE}/auth/google`);
    await page.waitForURL((u) => u.pathname === "/signin");
    assert.match(await page.locator("body").textContent(), /Google sign-in is not configured/);
  });

  test("a Google callback that this browser did not start is refused", async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${BASE}/auth/google/callback?code=forged&state=forged`);
    await page.waitForURL((u) => u.pathname === "/signin");
    assert.match(await page.locator("body").textContent(), /not started in this browser/);
    const cookies = await ctx.cookies();
    assert.equal(cookies.some((c) => c.name === "lectern_at"), false, "no session was created");
  });
}
