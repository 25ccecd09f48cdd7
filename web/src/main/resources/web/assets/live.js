// Server-Sent Events read with fetch (EventSource cannot send an Authorization header): the live
// session state of /api/streaming/events and the viewers' chat. Reconnects with a growing pause
// when the connection ends, and renews the sign-in on a 401.

/**
 * Reads a Server-Sent Events response with fetch (EventSource cannot send the Authorization
 * header); onEvent(name, data) per event. Reconnects with a growing pause until stopped.
 */
export function subscribeEvents(auth, path, onEvent, onState = () => {}) {
  const controller = new AbortController();
  let stopped = false;
  let pause = 1000;
  (async () => {
    while (!stopped) {
      try {
        const response = await fetch(path, {
          headers: { Authorization: 'Bearer ' + auth.accessToken(), Accept: 'text/event-stream' }, signal: controller.signal,
        });
        if (response.status === 401) {
          auth.renew();
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error('events ' + response.status);
        }
        onState('open');
        pause = 1000;
        await readEvents(response.body.getReader(), onEvent);
      } catch {
        if (stopped) {
          return;
        }
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  })();
  return () => {
    stopped = true;
    controller.abort();
  };
}

async function readEvents(reader, onEvent) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          event = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      if (data.length) {
        try {
          onEvent(event, JSON.parse(data.join('\n')));
        } catch {
          // a malformed event is skipped
        }
      }
    }
  }
}

/** The live session of the caller's organization: onSession(session) for every change. */
export function subscribeLive(auth, onSession, onConnection = () => {}) {
  return subscribeEvents(auth, '/api/streaming/events', (event, data) => {
    if (event === 'session') {
      onSession(data);
    }
  }, onConnection);
}

export function isOpen(session) {
  return Boolean(session) && ['starting', 'active', 'stopping'].includes(session.status);
}
