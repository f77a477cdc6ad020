import type { Service } from "./config.ts";

// Which service owns an /api/v1 path: the same table as the gateway's routes
// (gateway/src/main/resources/application.yml), used by the browser-facing forwarder /bff/**.
const owners: ReadonlyArray<[RegExp, Service]> = [
  [/^\/api\/v1\/(auth|users|settings|referrals|admin\/users)(\/|$)/, "identity"],
  [/^\/api\/v1\/(notifications|digest|newsletter)(\/|$)/, "notify"],
  [/^\/api\/v1\/(billing|payments)(\/|$)/, "billing"],
  [/^\/api\/v1\/(ai|rag|recommendations|hybrid-search)(\/|$)/, "ai"],
  [/^\/api\/v1\/(progress|bookmarks|gamification|srs|quizzes|challenges|interviews|certificates|notes)(\/|$)/, "learning"],
  [/^\/api\/v1\/(posts|series|tags|comments|reactions|redirects|uploads|search|import|export|admin\/(posts|series|tags|comments|redirects|analytics|import|export))(\/|$)/, "content"],
];

export function ownerOf(path: string): Service | null {
  if (path.includes("..") || path.includes("//")) return null;
  for (const [pattern, service] of owners) if (pattern.test(path)) return service;
  return null;
}
