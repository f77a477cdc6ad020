"use client";
import { bff } from "../csrf";

/** The person-readable reason of a failed call: the RFC 9457 problem's detail (or title), else the status. */
export async function problemOf(r: Response): Promise<string> {
  const p = (await r.json().catch(() => null)) as { detail?: string; title?: string } | null;
  return p?.detail ?? p?.title ?? `The request failed (${r.status}).`;
}

/** A JSON call through the browser-facing forwarder: the parsed body, or the problem's detail as an error. */
export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const r = await bff(path, init);
  if (!r.ok) throw new Error(await problemOf(r));
  if (r.status === 204) return undefined as T;
  return (await r.json()) as T;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
