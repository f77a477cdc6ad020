import createClient, { type Middleware } from "openapi-fetch";
import { serviceUrls } from "../lib/config.ts";
import type { paths as IdentityPaths, components as IdentityComponents } from "./identity";
import type { paths as ContentPaths, components as ContentComponents } from "./content";
import type { paths as NotifyPaths, components as NotifyComponents } from "./notify";
import type { paths as LearningPaths, components as LearningComponents } from "./learning";
import type { paths as AiPaths, components as AiComponents } from "./ai";
import type { paths as BillingPaths, components as BillingComponents } from "./billing";

// Typed clients generated from the services' OpenAPI documents (openapi/*.json -> src/api/*.d.ts).
// Server side only: they call the services directly with the reader's token.
export type ContentSchemas = ContentComponents["schemas"];
export type IdentitySchemas = IdentityComponents["schemas"];
export type NotifySchemas = NotifyComponents["schemas"];
export type LearningSchemas = LearningComponents["schemas"];
export type AiSchemas = AiComponents["schemas"];
export type BillingSchemas = BillingComponents["schemas"];

// `next build` prerenders the public pages while no service may be running: they are built empty and
// regenerated on first use (./lectern expires them through /internal/revalidate once the app is up).
const building = process.env.NEXT_PHASE === "phase-production-build";
const buildFetch = async () => new Response(null, { status: 503 });
const fetchImpl = building ? buildFetch : undefined;

function bearer(token?: string): Middleware {
  return {
    onRequest({ request }) {
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      request.headers.set("Accept", "application/json, application/problem+json");
      return request;
    },
  };
}

/** How a server-side read is cached: tagged and time-bounded for public data, never for a reader's own. */
export interface CachePolicy {
  tags?: string[];
  revalidate?: number;
}

function init(token: string | undefined, cache: CachePolicy | undefined): Record<string, unknown> | undefined {
  if (token || !cache) return { cache: "no-store" };
  return { next: { tags: cache.tags ?? [], revalidate: cache.revalidate } };
}

export function contentApi(token?: string, cache?: CachePolicy) {
  const c = createClient<ContentPaths>({ baseUrl: serviceUrls.content, fetch: fetchImpl, requestInitExt: init(token, cache), redirect: "manual" });
  c.use(bearer(token));
  return c;
}

export function identityApi(token?: string) {
  const c = createClient<IdentityPaths>({ baseUrl: serviceUrls.identity, fetch: fetchImpl, requestInitExt: init(token, undefined) });
  c.use(bearer(token));
  return c;
}

export function notifyApi(token?: string) {
  const c = createClient<NotifyPaths>({ baseUrl: serviceUrls.notify, fetch: fetchImpl, requestInitExt: init(token, undefined) });
  c.use(bearer(token));
  return c;
}

export function learningApi(token?: string) {
  const c = createClient<LearningPaths>({ baseUrl: serviceUrls.learning, fetch: fetchImpl, requestInitExt: init(token, undefined) });
  c.use(bearer(token));
  return c;
}

export function aiApi(token?: string) {
  const c = createClient<AiPaths>({ baseUrl: serviceUrls.ai, fetch: fetchImpl, requestInitExt: init(token, undefined) });
  c.use(bearer(token));
  return c;
}

export function billingApi(token?: string, cache?: CachePolicy) {
  const c = createClient<BillingPaths>({ baseUrl: serviceUrls.billing, fetch: fetchImpl, requestInitExt: init(token, cache) });
  c.use(bearer(token));
  return c;
}
