import { check, openNamed, redisFromEnv, type RespConnection } from "./resp.ts";

// Tells the gateway that this server has just expired cached public pages, so that the gateway's own copy
// of them (its public cache, docs/adr/0103-gateway-keeps-public-pages.md) is emptied too. Sent after the
// pages are expired here, never before: a copy the gateway stores after hearing it was rendered after the
// change, and one rendered before it was read in an older generation, which the gateway does not keep.
// With several web instances each one announces after its own expiry. The channel is
// `<namespace>:web:pages-changed` (LECTERN_EVENTS_NAMESPACE, like the services' channels).

export interface Announcer {
  announce(): Promise<void>;
  close(): void;
}

export function channelName(namespace = process.env.LECTERN_EVENTS_NAMESPACE ?? "lectern"): string {
  return `${namespace}:web:pages-changed`;
}

/** One connection, opened on first use and again after a failure; a failed PUBLISH is tried once more. */
export function redisAnnouncer(opts: { host: string; port: number; password?: string; channel: string; clientName?: string }): Announcer {
  let conn: Promise<RespConnection> | undefined;
  const connection = (): Promise<RespConnection> => {
    conn ??= openNamed(opts, opts.clientName ?? "lectern-web-pages-changed");
    return conn;
  };
  const publish = async () => {
    const c = await connection();
    check(await c.command("PUBLISH", opts.channel, "expired"));
  };
  const drop = async () => {
    const c = conn;
    conn = undefined;
    await c?.then((open) => open.close(), () => undefined);
  };
  return {
    async announce() {
      try {
        await publish();
      } catch {
        await drop();
        await publish().catch(async (e: unknown) => {
          await drop();
          throw e;
        });
      }
    },
    close() {
      void drop();
    },
  };
}

let shared: Announcer | undefined;

/** The announcer this server uses, configured like the content-event listener. */
export function pagesChanged(): Announcer {
  shared ??= redisAnnouncer({ ...redisFromEnv(), channel: channelName() });
  return shared;
}
