// Runs once when the web server starts: the content-event listener that expires cached pages on change.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startContentEvents } = await import("./lib/contentEvents.ts");
  startContentEvents();
}
