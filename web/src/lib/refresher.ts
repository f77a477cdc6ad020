import { serviceUrls } from "./config.ts";
import { RefreshCoordinator, type Tokens } from "./refresh.ts";

async function callIdentity(refreshToken: string): Promise<Tokens | null> {
  const res = await fetch(`${serviceUrls.identity}/api/v1/auth/refresh`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "lectern-web" },
    body: JSON.stringify({ refreshToken }),
    cache: "no-store",
  });
  if (!res.ok) return null;
  return (await res.json()) as Tokens;
}

// One coordinator per process (globalThis survives module re-evaluation between proxy and routes).
const g = globalThis as unknown as { __lecternRefresh?: RefreshCoordinator };
export const refresher: RefreshCoordinator = (g.__lecternRefresh ??= new RefreshCoordinator(callIdentity));
