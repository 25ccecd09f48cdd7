// What the live view says, worked out from the server's figures without touching the page: whether
// the machine keeps real time, what is on air, an output's error in words. Pure functions, so that
// the panel only draws what these decide.

/**
 * FFmpeg reports speed as media time per wall time, averaged and rounded ("0.998x" on a healthy
 * live stream), so a small tolerance keeps jitter from raising the alarm.
 */
export const SPEED_BEHIND = 0.97;
/** An output fed more than this far behind the program is behind real time. */
export const LAG_BEHIND_MS = 2000;
/** A live output whose byte count has not moved for this long sends nothing (a stalled encoder). */
export const STALL_MS = 5000;
/**
 * FFmpeg's speed is an average since the encoder started, start-up wait included, so it says
 * nothing in a child's first seconds; lag and a stall count from the start.
 */
export const SPEED_SETTLES_MS = 30000;

function settled(since, now) {
  return !since || now - Date.parse(since) >= SPEED_SETTLES_MS;
}

/**
 * The encoders and outputs that do not keep real time: [{ name, why }]. `stalledSince` maps a
 * destination id to when its byte count stopped moving (see trackProgress); `startedAt` is when
 * the session started (its encoders' speed counts 30 s later).
 */
export function behindRealTime(channel, destinations, stalledSince = new Map(), now = Date.now(), startedAt = null) {
  if (!channel || !channel.running) {
    return [];
  }
  const names = new Map((destinations || []).map((d) => [d.destination_id, d.name]));
  const started = new Map((destinations || []).map((d) => [d.destination_id, d.started_at]));
  const behind = [];
  for (const o of channel.outputs || []) {
    if (o.state !== 'live') {
      continue;
    }
    const name = names.get(o.destination_id) || 'an output';
    const since = stalledSince.get(o.destination_id);
    if (since !== undefined && now - since >= STALL_MS) {
      behind.push({ name, why: 'has sent nothing for ' + Math.round((now - since) / 1000) + ' s' });
    } else if (o.speed > 0 && o.speed < SPEED_BEHIND && settled(started.get(o.destination_id), now)) {
      behind.push({ name, why: 'runs at ' + speedText(o.speed) + ' of real time' });
    } else if (o.lag_ms > LAG_BEHIND_MS) {
      behind.push({ name, why: 'is ' + seconds(o.lag_ms) + ' behind the program' });
    }
  }
  for (const e of channel.encoders || []) {
    if (e.speed > 0 && e.speed < SPEED_BEHIND && settled(startedAt, now)) {
      behind.push({ name: 'encoder ' + e.name, why: 'runs at ' + speedText(e.speed) + ' of real time' });
    } else if (e.lag_ms > LAG_BEHIND_MS) {
      behind.push({ name: 'encoder ' + e.name, why: 'is ' + seconds(e.lag_ms) + ' behind the program' });
    }
  }
  return behind;
}

/**
 * Notes when each live output's byte count last moved: stalledSince gets the time of the first
 * reading that did not move, and loses the output when it moves again or is not live.
 */
export function trackProgress(channel, lastBytes, stalledSince, now = Date.now()) {
  const live = new Set();
  for (const o of (channel && channel.outputs) || []) {
    if (o.state !== 'live') {
      continue;
    }
    live.add(o.destination_id);
    const before = lastBytes.get(o.destination_id);
    if (before !== undefined && o.bytes_sent === before) {
      if (!stalledSince.has(o.destination_id)) {
        stalledSince.set(o.destination_id, now);
      }
    } else {
      stalledSince.delete(o.destination_id);
    }
    lastBytes.set(o.destination_id, o.bytes_sent);
  }
  for (const id of [...lastBytes.keys()]) {
    if (!live.has(id)) {
      lastBytes.delete(id);
      stalledSince.delete(id);
    }
  }
}

/**
 * What the program carries: { kind: 'input' | 'slate' | 'waiting' | 'unknown', input, text }.
 * "LIVE, source primary" is said only when an input's picture is on air.
 */
export function programSource(session, channel) {
  if (channel === undefined) { // not read yet: what the session says
    const input = session && session.active_input;
    return input ? { kind: 'input', input, text: input } : { kind: 'waiting', text: 'none yet' };
  }
  if (!channel) {
    return { kind: 'unknown', input: session && session.active_input, text: 'not known right now' };
  }
  const connected = (channel.inputs || []).filter((i) => i.connected);
  if (channel.on_air === 'slate') {
    return { kind: 'slate', text: 'the slate: no signal from the encoders' };
  }
  if (channel.on_air) {
    return { kind: 'input', input: channel.on_air, text: channel.on_air };
  }
  if (channel.on_air === null && (channel.inputs || []).length && !connected.length) {
    return { kind: 'waiting', text: 'none: waiting for a signal from the encoders' };
  }
  const input = channel.active_input || (session && session.active_input);
  return input ? { kind: 'input', input, text: input } : { kind: 'waiting', text: 'none yet' };
}

const ERROR_WORDS = [
  [/connection refused/i, 'The destination refused the connection. Check its server address and that it accepts streams.'],
  [/timed? ?out|timeout/i, 'The destination did not answer in time.'],
  [/unauthori[sz]ed|forbidden|\b40[13]\b|auth/i, 'The destination refused the stream key.'],
  [/not found|\b404\b|no such/i, 'The destination\'s address was not found. Check the server URL.'],
  [/resolve|name or service not known|unknown host/i, 'The destination\'s server name could not be found.'],
  [/broken pipe|end of file|input\/output error|connection reset|closed/i, 'The connection to the destination was lost.'],
  [/gave up|attempts/i, 'The destination could not be reached after several attempts.'],
];

/** An output's last error in words; the raw text stays for the "details" toggle. */
export function errorWords(raw) {
  if (!raw) {
    return null;
  }
  const found = ERROR_WORDS.find(([pattern]) => pattern.test(raw));
  return found ? found[1] : 'The output stopped with an error.';
}

export function speedText(speed) {
  return speed > 0 ? speed.toFixed(2) + '×' : '—';
}

export function seconds(ms) {
  return ((ms || 0) / 1000).toFixed(1) + ' s';
}
