// Reads (never verifies) an access token's claims: the services verify every token they get; the web
// app only needs the expiry (to refresh in time) and who is signed in (to show the menu).
export interface Claims {
  sub: string;
  exp: number;
  roles: string[];
  tier?: string;
}

export function readClaims(token: string | undefined | null): Claims | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const json = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Partial<Claims>;
    if (typeof json.sub !== "string" || typeof json.exp !== "number") return null;
    return { sub: json.sub, exp: json.exp, roles: Array.isArray(json.roles) ? json.roles.map(String) : [], tier: json.tier };
  } catch {
    return null;
  }
}

/** True when the token is missing, unreadable or expires within `skewSeconds`. */
export function expiresSoon(token: string | undefined | null, nowSeconds: number, skewSeconds = 30): boolean {
  const c = readClaims(token);
  return !c || c.exp - skewSeconds <= nowSeconds;
}
