// Google sign-in through the web app: identity-service runs the OAuth flow (state, nonce and PKCE kept
// in its Redis, the code exchanged and the ID token verified there); the web server starts it, binds
// the attempt to this browser with a short-lived cookie holding the state (no login CSRF), and on the
// way back turns identity's refresh token into this app's own session cookies.

export const GOOGLE_STATE_COOKIE = "lectern_google_state";

/** Shown when GOOGLE_CLIENT_ID is configured (./lectern and compose set LECTERN_GOOGLE_SIGN_IN=on). */
export function googleSignInEnabled(): boolean {
  return process.env.LECTERN_GOOGLE_SIGN_IN === "on";
}

/** The `state` parameter of Google's consent URL identity answered with. */
export function stateOf(consentUrl: string): string | undefined {
  try {
    return new URL(consentUrl).searchParams.get("state") ?? undefined;
  } catch {
    return undefined;
  }
}

/** The value of one cookie from a response's Set-Cookie headers. */
export function setCookieValue(setCookies: string[], name: string): string | undefined {
  for (const c of setCookies) {
    const first = c.split(";", 1)[0] ?? "";
    const eq = first.indexOf("=");
    if (eq > 0 && first.slice(0, eq).trim() === name) return first.slice(eq + 1).trim();
  }
  return undefined;
}
