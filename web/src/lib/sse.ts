// Server-sent events read from a fetch() body (EventSource cannot POST): text in, whole events out.
// Follows the HTML event-stream rules that matter here: `event:` and `data:` fields (one optional space
// after the colon), several data lines joined by "\n", comments (":") ignored, a blank line ends an
// event, and \n, \r\n or \r end lines, even when a chunk boundary falls between \r and \n.
export interface SseEvent {
  event: string;
  data: string;
}

export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];
  private sawCr = false;

  /** Feeds a decoded chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (this.sawCr && text.startsWith("\n")) text = text.slice(1);
    this.sawCr = false;
    this.buffer += text;
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) break;
      // a trailing \r may be the first half of \r\n: the next chunk's leading \n is dropped
      if (m[0] === "\r" && m.index === this.buffer.length - 1) this.sawCr = true;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      const done = this.line(line);
      if (done) out.push(done);
    }
    return out;
  }

  /** The stream ended: an event without its closing blank line still counts. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.buffer) {
      const done = this.line(this.buffer);
      this.buffer = "";
      if (done) out.push(done);
    }
    const last = this.line("");
    if (last) out.push(last);
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === "") {
      if (!this.data.length && !this.event) return null;
      const e = { event: this.event || "message", data: this.data.join("\n") };
      this.event = "";
      this.data = [];
      return e;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
    return null;
  }
}

/** Reads a streaming response body to its end, handing each event over as it completes. */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (e: SseEvent) => void, signal?: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      if (signal?.aborted) break;
      const { value, done } = await reader.read();
      if (done) break;
      for (const e of parser.push(decoder.decode(value, { stream: true }))) onEvent(e);
    }
    for (const e of parser.push(decoder.decode())) onEvent(e);
    for (const e of parser.end()) onEvent(e);
  } finally {
    reader.releaseLock();
  }
}
