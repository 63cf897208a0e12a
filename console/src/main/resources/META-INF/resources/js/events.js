// The one event stream: GET /api/v1/events as Server-Sent Events, resumed from the last token.
// EventSource cannot send the Authorization header the API requires (and the API takes no token
// in the URL or a cookie), so the stream is read with fetch: the same SSE wire format, with the
// bearer token and the Last-Event-ID header of a resuming client. A dropped stream reconnects
// after a back-off with the last token, so no event is missed; a token the server no longer
// keeps (410 EVENTS_LOST) makes the caller reload everything and start from a fresh token.

import { token, problemOf, ApiError, sessionEnded } from './api.js';

const MAX_BACKOFF_MS = 15000;

/**
 * Follows the events after `from`. onEvent(event) gets each event ({id, class, operation, ref,
 * snapshot}); onLost() is awaited after EVENTS_LOST and returns the token to resume from;
 * onState('live' | 'reconnecting') tells the connection's state. Returns a function that stops.
 */
export function follow(from, { onEvent, onLost, onState }) {
  const controller = new AbortController();
  let last = from;
  let backoff = 1000;

  async function run() {
    while (!controller.signal.aborted) {
      try {
        const response = await open(last, controller.signal);
        if (response.status === 410) {
          last = await onLost();
          continue;
        }
        if (!response.ok) throw new ApiError(response.status, await problemOf(response));
        onState('live');
        backoff = 1000;
        await read(response.body, (event) => {
          last = event.id;
          onEvent(event);
        });
      } catch (e) {
        if (controller.signal.aborted) return;
        if (e instanceof ApiError && e.status === 401) {
          sessionEnded(e); // the session ended (expired, revoked): the login page takes over
          return;
        }
      }
      if (controller.signal.aborted) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  run();
  return () => controller.abort();
}

function open(last, signal) {
  const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` };
  if (last !== null && last !== undefined) headers['Last-Event-ID'] = String(last);
  return fetch('/api/v1/events', { headers, signal, cache: 'no-store' });
}

/** Reads an SSE body to its end, calling dispatch with each event's parsed data. */
async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
      if (line === '') {
        if (data.length) dispatch(JSON.parse(data.join('\n')));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      // id, event and comments (": keepalive") need nothing: the data carries the id and class
    }
  }
}
