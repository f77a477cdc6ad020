import createClient from "openapi-fetch";
import type { paths as ContentPaths, components } from "../api/content";
import { serviceUrls, type Service } from "./config.ts";
import { problemText } from "./problem.ts";

// Every service mounts the same event-bus admin controller (shared-contracts/event-bus) at
// /api/v1/admin/events/**, so one service's generated types describe them all. The web server calls the
// service it means directly: the BFF's path table cannot tell six owners of one path apart.
type EventPaths = Pick<ContentPaths,
  | "/api/v1/admin/events/dead-letters"
  | "/api/v1/admin/events/dead-letters/{id}"
  | "/api/v1/admin/events/dead-letters/{id}/replay"
  | "/api/v1/admin/events/outbox/replay">;

export type DeadLetter = components["schemas"]["DeadLetter"];
export type OutboxReplayResult = components["schemas"]["OutboxReplayResult"];

export function eventsApi(service: Service, token: string) {
  return createClient<EventPaths>({
    baseUrl: serviceUrls[service],
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json, application/problem+json" },
    requestInitExt: { cache: "no-store" },
  });
}

export interface ServiceDeadLetters {
  service: Service;
  items: DeadLetter[];
  /** Why the list could not be read (service down, refused): shown instead of a count. */
  error?: string;
}

export const LIST_LIMIT = 100;

export async function deadLettersOf(service: Service, token: string): Promise<ServiceDeadLetters> {
  try {
    const { data, response } = await eventsApi(service, token).GET("/api/v1/admin/events/dead-letters", { params: { query: { limit: LIST_LIMIT } } });
    if (data) return { service, items: data as DeadLetter[] };
    return { service, items: [], error: `${service} answered ${response.status}.` };
  } catch {
    return { service, items: [], error: `${service} is unreachable.` };
  }
}

/**
 * Why a replay or delete failed: the problem's detail and, for a replay, the handler's error (the
 * problem's `error` member). `parsed` is the body openapi-fetch read.
 */
export function replayFailure(parsed: unknown, response: Response): string {
  const fallback = response.status === 404 ? "No such dead letter (already replayed or deleted?)." : `The service answered ${response.status}.`;
  const text = problemText(parsed, fallback);
  const handlerError = parsed && typeof parsed === "object" ? (parsed as { error?: unknown }).error : undefined;
  return typeof handlerError === "string" && handlerError ? `${text} Error: ${handlerError}` : text;
}
