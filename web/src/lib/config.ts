// Where the web server finds the services (it calls them directly, never through the gateway, so
// the gateway's per-address limits see browsers, not this server). Set by ./lectern, compose and k8s.
export const serviceUrls = {
  identity: process.env.LECTERN_IDENTITY_URL ?? "http://127.0.0.1:8081",
  content: process.env.LECTERN_CONTENT_URL ?? "http://127.0.0.1:8082",
  learning: process.env.LECTERN_LEARNING_URL ?? "http://127.0.0.1:8083",
  ai: process.env.LECTERN_AI_URL ?? "http://127.0.0.1:8084",
  billing: process.env.LECTERN_BILLING_URL ?? "http://127.0.0.1:8085",
  notify: process.env.LECTERN_NOTIFY_URL ?? "http://127.0.0.1:8086",
} as const;

export type Service = keyof typeof serviceUrls;

/** The public address people use (the gateway): canonical URLs, Open Graph, allowed Origin. */
export const publicUrl = (process.env.LECTERN_PUBLIC_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");

/** Secure cookies when the public address is https (behind TLS). */
export const secureCookies = publicUrl.startsWith("https://");

export const siteName = process.env.LECTERN_SITE_NAME ?? "Lectern";

/** Seconds a public page stays cached when no content event arrives first. */
export const pageRevalidateSeconds = 60;
