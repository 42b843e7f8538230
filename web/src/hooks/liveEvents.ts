/**
 * The live stream: one EventSource per tab on /api/v1/stream, shared by every screen through a small
 * subscription list. Queue counts and the open list refresh (debounced) when tickets change; after a
 * reconnect, when events may have been missed, everything subscribed refreshes as if all had changed.
 */
import { useEffect, useState } from 'react';
import { CHANGED } from '../api/client.ts';
import type { StreamMessage } from '../../../src/realtime/types.ts';

export type LiveListener = (m: StreamMessage) => void;
const listeners = new Set<LiveListener>();
let streamReady = false;

/** Whether the stream is open and listening now (presence sent before then would not be answered). */
export const liveReady = (): boolean => streamReady;

/** Hears every message of the stream while subscribed; returns the unsubscribe function. */
export function onLive(fn: LiveListener): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

const LIST_DEBOUNCE_MS = 1_000;
/** EventSource reconnects by itself after a network drop, but not after an HTTP error: then we do, slowly. */
const REOPEN_MS = [2_000, 5_000, 15_000, 30_000];

/**
 * Opens the stream for the signed-in workspace. Returns a number that grows when the ticket lists on screen
 * may be out of date (use it as a key or dependency to reload them).
 */
export function useLiveEvents(): { listVersion: number } {
  const [listVersion, setListVersion] = useState(0);
  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let soon: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let opened = false;
    const listsMoved = () => {
      clearTimeout(soon);
      soon = setTimeout(() => {
        setListVersion((v) => v + 1);
        window.dispatchEvent(new Event(CHANGED)); // the queue counts listen for this
      }, LIST_DEBOUNCE_MS);
    };
    const emit = (m: StreamMessage) => listeners.forEach((fn) => fn(m));

    const open = () => {
      source = new EventSource('/api/v1/stream', { withCredentials: true });
      source.onmessage = (e: MessageEvent<string>) => {
        let m: StreamMessage;
        try {
          m = JSON.parse(e.data) as StreamMessage;
        } catch {
          return;
        }
        if (m.type === 'ready') {
          failures = 0;
          streamReady = true;
          // A reconnect may have missed events: treat it as a resync (but not the very first open).
          if (opened) m = { type: 'resync' };
          opened = true;
          if (m.type === 'ready') return emit(m);
        }
        if (m.type === 'unavailable') return; // the server ends the stream; EventSource asks again later
        if (m.type !== 'presence') listsMoved();
        emit(m);
      };
      source.onerror = () => {
        streamReady = false;
        if (source?.readyState !== EventSource.CLOSED) return; // reconnecting by itself
        source = null;
        const wait = REOPEN_MS[Math.min(failures, REOPEN_MS.length - 1)]!;
        failures += 1;
        reopen = setTimeout(open, wait);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      clearTimeout(soon);
      streamReady = false;
      source?.close();
    };
  }, []);
  return { listVersion };
}
