import { connect, type Socket } from "node:net";

// A minimal Redis client (RESP2 over one TCP connection, commands answered in order): enough for the
// content-event listener's XREVRANGE and blocking XREAD, without a client library in the web server.

export type Reply = string | number | null | Reply[] | RedisError;

export class RedisError extends Error {}

/** Parses one reply from buf at offset; undefined when buf does not hold a whole reply yet. */
export function parseReply(buf: Buffer, offset = 0): { reply: Reply; next: number } | undefined {
  if (offset >= buf.length) return undefined;
  const end = buf.indexOf("\r\n", offset);
  if (end < 0) return undefined;
  const kind = String.fromCharCode(buf[offset]!);
  const line = buf.toString("utf8", offset + 1, end);
  const after = end + 2;
  switch (kind) {
    case "+":
      return { reply: line, next: after };
    case "-":
      return { reply: new RedisError(line), next: after };
    case ":":
      return { reply: Number(line), next: after };
    case "$": {
      const len = Number(line);
      if (len < 0) return { reply: null, next: after };
      if (buf.length < after + len + 2) return undefined;
      return { reply: buf.toString("utf8", after, after + len), next: after + len + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { reply: null, next: after };
      const items: Reply[] = [];
      let at = after;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, at);
        if (!item) return undefined;
        items.push(item.reply);
        at = item.next;
      }
      return { reply: items, next: at };
    }
    default:
      throw new RedisError(`unexpected reply type ${JSON.stringify(kind)}`);
  }
}

export function encodeCommand(args: string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
  return Buffer.from(parts.join(""));
}

export class RespConnection {
  private socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  private closedWith: Error | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on("data", (chunk) => this.onData(chunk));
    const fail = (e: Error) => {
      this.closedWith = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(this.closedWith ?? new RedisError("connection closed")));
  }

  static open(host: string, port: number, timeoutMs = 3000): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => { socket.destroy(); reject(new RedisError(`connect to ${host}:${port} timed out`)); }, timeoutMs);
      socket.once("connect", () => { clearTimeout(timer); socket.setNoDelay(true); resolve(new RespConnection(socket)); });
      socket.once("error", (e) => { clearTimeout(timer); reject(e); });
    });
  }

  command(...args: string[]): Promise<Reply> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.closedWith ??= new RedisError("closed");
    this.socket.destroy();
  }

  private onData(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let at = 0;
    for (;;) {
      const parsed = parseReply(this.buffer, at);
      if (!parsed) break;
      at = parsed.next;
      this.waiting.shift()?.resolve(parsed.reply);
    }
    this.buffer = at >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(at);
  }
}

/** The reply, or the Redis error it is thrown as. */
export function check(reply: Reply): Reply {
  if (reply instanceof RedisError) throw reply;
  return reply;
}

/** Where this server's Redis is: configured like the services (LECTERN_REDIS_HOST/PORT/PASSWORD). */
export interface RedisAddress {
  host: string;
  port: number;
  password?: string;
}

export function redisFromEnv(): RedisAddress {
  return {
    host: process.env.LECTERN_REDIS_HOST ?? "127.0.0.1",
    port: Number(process.env.LECTERN_REDIS_PORT ?? 6379),
    password: process.env.LECTERN_REDIS_PASSWORD || undefined,
  };
}

/** A connection, signed in when a password is set, named (CLIENT SETNAME) so an operator sees it in CLIENT LIST. */
export async function openNamed(address: RedisAddress, clientName: string): Promise<RespConnection> {
  const c = await RespConnection.open(address.host, address.port);
  try {
    if (address.password) check(await c.command("AUTH", address.password));
    check(await c.command("CLIENT", "SETNAME", clientName));
    return c;
  } catch (e) {
    c.close();
    throw e;
  }
}
