// Token refresh, serialised per session. identity rotates refresh tokens and revokes the whole family
// when one is presented twice, so two tabs (or two parallel requests of one page) that both hold the
// old refresh token must not both send it. In this process: the first caller starts the refresh,
// callers arriving while it runs share its promise, and callers arriving shortly after (their cookie
// jar still had the old token) get the same result from a short-lived memo instead of a second call.
// One web process per deployment keeps this exact; several replicas need sticky sessions (see
// docs/adr/0100-web-front-end.md).
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresAt: string;
}

export type RefreshCall = (refreshToken: string) => Promise<Tokens | null>;

export class RefreshCoordinator {
  private readonly inFlight = new Map<string, Promise<Tokens | null>>();
  private readonly recent = new Map<string, { tokens: Tokens | null; until: number }>();

  constructor(
    private readonly call: RefreshCall,
    private readonly memoMillis = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  refresh(refreshToken: string): Promise<Tokens | null> {
    const t = this.now();
    const memo = this.recent.get(refreshToken);
    if (memo && memo.until > t) return Promise.resolve(memo.tokens);
    const running = this.inFlight.get(refreshToken);
    if (running) return running;
    const p = this.call(refreshToken)
      .catch(() => null)
      .then((tokens) => {
        this.recent.set(refreshToken, { tokens, until: this.now() + this.memoMillis });
        this.inFlight.delete(refreshToken);
        this.sweep();
        return tokens;
      });
    this.inFlight.set(refreshToken, p);
    return p;
  }

  private sweep() {
    const t = this.now();
    for (const [k, v] of this.recent) if (v.until <= t) this.recent.delete(k);
  }
}
