import type { NextRequest } from "next/server";
import { seeOther } from "@/lib/guard";
import { adminForm, answer, isResponse } from "@/lib/adminForms";
import { backTo, isService, utcInstant } from "@/lib/admin";
import { eventsApi, replayFailure, type OutboxReplayResult } from "@/lib/eventsAdmin";

// Replay or delete one dead letter of a service, or replay a service's outbox since a moment. Success
// goes to the list (a handled dead letter no longer exists); a failure returns where the form was.
export async function POST(request: NextRequest) {
  const f = await adminForm(request, ["admin"]);
  if (isResponse(f)) return f;
  const service = f.field("service");
  if (!isService(service)) return seeOther(request, backTo(f.back, { error: `Unknown service '${service}'.` }));
  const api = eventsApi(service, f.token);
  const id = f.field("id");
  const done = (notice: string) => seeOther(request, backTo("/admin/events", { notice }));
  try {
    switch (f.field("op")) {
      case "replay": {
        const { data, error, response } = await api.POST("/api/v1/admin/events/dead-letters/{id}/replay", { params: { path: { id } } });
        if (!response.ok) return seeOther(request, backTo(f.back, { error: `Replay of ${id} failed: ${replayFailure(error, response)}` }));
        // the document types this answer as a bare object; the controller sends {id, outcome}
        const outcome = (data as Record<string, unknown> | undefined)?.["outcome"];
        const what = outcome === "HANDLED" ? "handled" : outcome === "ALREADY_HANDLED" ? "already handled before" : outcome === "NOT_SUBSCRIBED" ? "not subscribed to (dropped)" : String(outcome);
        return done(`Replayed ${id} in ${service}: ${what}.`);
      }
      case "delete": {
        const { error, response } = await api.DELETE("/api/v1/admin/events/dead-letters/{id}", { params: { path: { id } } });
        if (!response.ok) return seeOther(request, backTo(f.back, { error: `Delete of ${id} failed: ${replayFailure(error, response)}` }));
        return done(`Deleted dead letter ${id} of ${service}.`);
      }
      case "outbox": {
        const since = utcInstant(f.field("since"));
        if (!since) return seeOther(request, backTo(f.back, { error: "Give the moment to replay from." }));
        const out = await api.POST("/api/v1/admin/events/outbox/replay", { params: { query: { since } } });
        const r = out.data as OutboxReplayResult | undefined;
        return answer(request, f, out, `${service} published ${r?.republished ?? 0} events again (since ${since}).`);
      }
      default:
        return answer(request, f, undefined, "");
    }
  } catch {
    return seeOther(request, backTo(f.back, { error: `${service} is unreachable.` }));
  }
}
