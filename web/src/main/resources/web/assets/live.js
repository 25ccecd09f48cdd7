// Live session state from GET /api/streaming/events (Server-Sent Events). EventSource cannot send
// an Authorization header, so the stream is read with fetch and parsed here; it reconnects with
// a growing pause when the connection ends, and renews the session on a 401.

export function subscribeLive(auth, onSession, onConnection = () => {}) {
  const controller = new AbortController();
  let pause = 1000;
  let stopped = false;

  async function connect() {
    while (!stopped) {
      const token = auth.accessToken();
      if (!token) {
        auth.renew();
        return;
      }
      try {
        const response = await fetch('/api/streaming/events', {
          headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' }, signal: controller.signal,
        });
        if (response.status === 401) {
          auth.renew();
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error('events ' + response.status);
        }
        onConnection('open');
        pause = 1000;
        await read(response.body.getReader(), onSession);
      } catch (e) {
        if (stopped) {
          return;
        }
      }
      onConnection('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  }

  connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

async function read(reader, onSession) {
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
      if (event === 'session' && data.length) {
        try {
          onSession(JSON.parse(data.join('\n')));
        } catch {
          // a malformed event is skipped; the next one redraws everything
        }
      }
    }
  }
}

export function isOpen(session) {
  return Boolean(session) && ['starting', 'active', 'stopping'].includes(session.status);
}
