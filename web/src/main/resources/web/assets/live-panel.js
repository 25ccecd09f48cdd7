// The live control panel (operator "Live Streaming Control", admin "Live Streaming Dashboard").
// The session comes with the Server-Sent Events; what the media engine measures (what is on air,
// the inputs' health, each output's speed, lag and drops) is read from /api/streaming/status every
// few seconds while a session is open. What the panel says is decided in live-state.js.
import { h, fill, statusBadge, problemBox, showProblem, clearProblem, confirmAction, announce, field } from './ui.js';
import { duration, mbps, platformName, dateTime, bytesSize } from './format.js';
import { isOpen } from './live.js';
import { behindRealTime, trackProgress, programSource, errorWords, speedText, seconds } from './live-state.js';

const POLL_MS = 3000;

/** A session as /api/streaming/status or /stop answers it, in the shape of the live events. */
export function fromSessionView(s) {
  if (!s) {
    return null;
  }
  const switches = s.failover_events || [];
  return { ...s, active_input: s.source_config && s.source_config.active_input,
    last_failover: switches.length ? switches[switches.length - 1] : null };
}

const REASONS = { input_loss: 'input lost', signal_lost: 'signal lost', signal_restored: 'signal restored',
  manual: 'switched by hand', failback: 'back to the primary', paused: 'paused by an operator',
  resumed: 'resumed by an operator' };

/**
 * The latest switch of the program. Only one between two real inputs is a failover (as the
 * session counts them); the slate going on or off air is a switch, or the count would disagree.
 */
export function switchWords(f) {
  const failover = f.from !== 'slate' && f.to !== 'slate';
  return (failover ? 'Failover: ' : 'Program switched: ') + f.from + ' → ' + f.to + ' at ' + dateTime(f.time)
    + (f.reason ? ' (' + (REASONS[f.reason] || f.reason) + ')' : '');
}

export function livePanel(api, { setupHref } = {}) {
  const box = problemBox();
  const clock = h('span', { class: 'clock', id: 'live-elapsed' });
  // "Recording · 12.3 MB": the engine's size so far; without its figures, only that it records
  const recording = h('span', { class: 'recording-indicator', id: 'live-recording', hidden: true });
  const heading = h('h2', { class: 'live-heading', id: 'live-heading' }, 'Not streaming');
  const behind = h('div', { id: 'live-behind', class: 'alert alert-behind', role: 'alert', hidden: true });
  const engineNote = h('p', { id: 'live-engine-note', class: 'hint', hidden: true });
  const inputs = h('ul', { class: 'plain live-inputs', id: 'live-inputs' });
  const rows = h('ul', { class: 'destinations-live', id: 'live-destinations', 'aria-live': 'polite' });
  const totals = h('p', { id: 'live-bandwidth' });
  const source = h('p', { id: 'live-source' });
  const failovers = h('p', { id: 'live-failover-count', class: 'muted' });
  const alert = h('div', { id: 'live-failover', class: 'alert', role: 'status', hidden: true });
  const addArea = h('div', { class: 'add-destination' });
  const endButton = h('button', { type: 'button', class: 'danger', id: 'end-stream' }, 'End stream');
  const switchButton = h('button', { type: 'button', id: 'switch-source' }, 'Switch source');
  // "Pause all": the slate on every destination, none disconnected; Resume brings the program back
  const pauseButton = h('button', { type: 'button', id: 'pause-all' }, 'Pause all');
  // when the media backend applies a switch later (MediaLive), its answer says so
  const switchNotice = h('p', { id: 'switch-notice', class: 'hint', hidden: true });
  const inputsArea = h('div', { id: 'live-inputs-area' }, h('h3', {}, 'Inputs'), inputs);
  const root = h('section', { class: 'panel live-panel', 'aria-labelledby': 'live-heading' },
    h('div', { class: 'live-top' }, heading, recording, clock), box, behind, alert, engineNote,
    h('div', { class: 'row' }, source, switchButton), switchNotice, failovers, inputsArea,
    h('h3', {}, 'Destinations'), rows, totals, addArea, h('div', { class: 'actions' }, pauseButton, endButton));

  let session = null;
  let channel;
  let timer = null;
  let poller = null;
  let ending = false;
  const samples = [];
  const lastBytes = new Map();
  const stalledSince = new Map();
  const lastState = new Map();
  const reconnects = new Map();
  const openDetails = new Set();

  async function act(action, message) {
    clearProblem(box);
    try {
      await action();
      if (message) {
        announce(message);
      }
    } catch (e) {
      showProblem(box, e);
    }
  }

  /** Reads the engine's figures; with takeSession the server's session too (after a failed action). */
  async function refresh(takeSession = false) {
    let status;
    try {
      status = await api.get('/api/streaming/status');
    } catch {
      return; // the next reading tries again; the events keep the session current
    }
    channel = status.channel;
    trackProgress(channel, lastBytes, stalledSince);
    if (takeSession || (!status.session && isOpen(session))) {
      // no open session on the server: it ended, whatever an event on its way may still say
      update(status.session ? fromSessionView(status.session)
        : session ? { ...session, status: isOpen(session) ? 'stopped' : session.status } : null);
      return;
    }
    if (status.session && session && status.session.session_id === session.session_id) {
      session = { ...session, failover_count: status.session.failover_count };
    }
    draw();
  }

  endButton.addEventListener('click', async () => {
    if (!await confirmAction('End the stream on every destination? Viewers lose the picture.', 'End stream')) {
      return;
    }
    ending = true;
    draw();
    await act(() => api.post('/api/streaming/stop'), 'The stream ended');
    ending = false;
    // whatever happened, show the server's state, not what was hoped for
    await refresh(true);
  });
  pauseButton.addEventListener('click', async () => {
    const resume = Boolean(channel && channel.paused);
    await act(() => api.post(resume ? '/api/streaming/resume' : '/api/streaming/pause'),
      resume ? 'The program is back on every destination' : 'Paused: the slate is on every destination');
    await refresh();
  });
  switchButton.addEventListener('click', async () => {
    const to = session && session.active_input === 'secondary' ? 'primary' : 'secondary';
    if (await confirmAction('Switch the program to the ' + to + ' source now?', 'Switch')) {
      switchNotice.hidden = true;
      act(async () => {
        const answer = await api.post('/api/sources/switch', { input: to, reason: 'manual switch by operator' });
        if (answer && answer.notice) {
          switchNotice.textContent = answer.notice;
          switchNotice.hidden = false;
        }
      }, 'Switching to ' + to);
    }
  });

  function tick() {
    if (isOpen(session) && session.start_time) {
      clock.textContent = duration((Date.now() - Date.parse(session.start_time)) / 1000);
    } else {
      clock.textContent = '';
    }
  }

  async function drawAdd() {
    if (!session || session.status !== 'active') {
      addArea.replaceChildren();
      return;
    }
    let all = [];
    try {
      all = await api.get('/api/destinations');
    } catch {
      return;
    }
    const wanted = new Set((session.destinations || []).filter((d) => d.wanted).map((d) => d.destination_id));
    const candidates = all.filter((d) => !wanted.has(d.destination_id) && d.has_key);
    if (!candidates.length) {
      addArea.replaceChildren();
      return;
    }
    const select = h('select', { id: 'add-destination-select' },
      candidates.map((d) => h('option', { value: d.destination_id }, d.name + ' (' + platformName(d.platform) + ')')));
    addArea.replaceChildren(h('div', { class: 'row' }, field('Add destination', select),
      h('button', { type: 'button', id: 'add-destination-live', onclick: () => act(
        () => api.post('/api/streaming/destinations/' + encodeURIComponent(select.value) + '/start'),
        'Destination added') }, '+ Add destination')));
  }

  async function stopDestination(d) {
    if (d.state === 'live' && !await confirmAction('Stop streaming to ' + d.name + '? Its viewers lose the picture.', 'Stop')) {
      return;
    }
    act(() => api.post('/api/streaming/destinations/' + encodeURIComponent(d.destination_id) + '/stop'), d.name + ' stopping');
  }

  function control(d) {
    if (!isOpen(session) || session.status === 'stopping') {
      return null;
    }
    return d.wanted && d.state !== 'failed'
      ? h('button', { type: 'button', 'data-stop': d.destination_id, onclick: () => stopDestination(d) }, 'Stop')
      : h('button', { type: 'button', 'data-retry': d.destination_id, onclick: () => act(
        () => api.post('/api/streaming/destinations/' + encodeURIComponent(d.destination_id) + '/start'),
        d.name + ' starting') }, d.state === 'stopped' ? 'Start' : 'Retry');
  }

  function metrics(d, out) {
    if (d.state !== 'live' || !out) {
      return null;
    }
    const count = reconnects.get(d.destination_id) || 0;
    return h('dl', { class: 'dest-metrics', 'data-metrics': d.destination_id },
      h('dt', {}, 'Speed'), h('dd', { 'data-speed': d.destination_id }, speedText(out.speed)),
      h('dt', {}, 'Lag'), h('dd', {}, seconds(out.lag_ms)),
      h('dt', {}, 'Dropped frames'), h('dd', {}, String(out.dropped_frames || 0)),
      h('dt', {}, 'Skipped packets'), h('dd', {}, String(out.dropped_packets || 0)),
      h('dt', {}, 'Reconnects'), h('dd', {}, String(count)),
      out.degraded ? h('dt', {}, 'Quality') : null,
      out.degraded ? h('dd', { 'data-degraded': d.destination_id }, 'Lowered to keep up with real time') : null);
  }

  /** The last error in words, FFmpeg's own text behind "Details"; gone once the output is live again. */
  function lastError(d) {
    if (!d.last_error || d.state === 'live') {
      return null;
    }
    const details = h('details', { class: 'error-details', open: openDetails.has(d.destination_id) },
      h('summary', {}, 'Details'), h('pre', {}, d.last_error));
    details.addEventListener('toggle', () => (details.open ? openDetails.add(d.destination_id)
      : openDetails.delete(d.destination_id)));
    return h('div', { class: 'error-text', 'data-error': d.destination_id }, errorWords(d.last_error), details);
  }

  function outputOf(d) {
    return channel ? (channel.outputs || []).find((o) => o.destination_id === d.destination_id) : undefined;
  }

  function bitrateOf(d) {
    const out = outputOf(d);
    return d.state === 'live' ? (out && out.bitrate_kbps) || d.bitrate_kbps || 0 : 0;
  }

  function row(d) {
    const out = outputOf(d);
    const bitrate = bitrateOf(d);
    return h('li', { class: 'dest-live', 'data-destination': d.destination_id, 'data-state': d.state },
      h('div', { class: 'row' }, h('span', { class: 'dest-name' }, d.name), statusBadge(d.state),
        h('span', { class: 'muted' }, platformName(d.platform)),
        h('span', { class: 'bitrate' }, d.state === 'live' ? mbps(bitrate) : '—'), control(d)),
      metrics(d, out), lastError(d));
  }

  function countReconnects() {
    for (const d of (session && session.destinations) || []) {
      const before = lastState.get(d.destination_id);
      if (before === 'live' && (d.state === 'retrying' || d.state === 'connecting')) {
        reconnects.set(d.destination_id, (reconnects.get(d.destination_id) || 0) + 1);
      }
      lastState.set(d.destination_id, d.state);
    }
  }

  /** Switching makes sense only to another input that has a signal (unknown: offered). */
  function otherInputPlays(program) {
    if (!channel) {
      return true;
    }
    const others = (channel.inputs || []).filter((i) => !(program.kind === 'input' && i.input === program.input));
    return others.some((i) => i.connected);
  }

  function drawHeading(open, program) {
    const words = !open ? 'Not streaming' : ending ? 'Ending the stream…' : session.status === 'starting' ? 'Starting'
      : session.status === 'stopping' ? 'Stopping' : channel && channel.paused ? 'LIVE: paused, slate on air'
        : program.kind === 'slate' ? 'LIVE: slate on air'
        : program.kind === 'waiting' ? 'LIVE: waiting for a source' : 'LIVE';
    fill(heading, open && session.status === 'active' ? h('span', { class: 'live-dot', 'aria-hidden': 'true' }) : null, words);
  }

  function drawBehind(open) {
    const late = open ? behindRealTime(channel, session.destinations, stalledSince, Date.now(), session.start_time) : [];
    behind.hidden = late.length === 0;
    fill(behind, ...(late.length ? [h('strong', {}, 'Behind real time'), ': ',
      late.map((x) => x.name + ' ' + x.why).join('; ') + '. Viewers see an old or stalling picture. ',
      'What to do: stream to fewer destinations, choose lower quality presets, or run the media engine on a bigger machine.']
      : []));
  }

  function drawInputs(open, program) {
    const list = (channel && channel.inputs) || [];
    inputsArea.hidden = !open || !list.length;
    fill(inputs, ...list.map((i) => h('li', { 'data-input': i.input, 'data-connected': String(Boolean(i.connected)) },
      h('strong', {}, i.input), ' ', statusBadge(i.connected ? 'ok' : 'down'),
      program.kind === 'input' && program.input === i.input ? h('span', { class: 'badge badge-live' }, 'On air') : null,
      ' ', i.connected ? mbps(i.bitrate_kbps) + ' · ' + (i.continuity_errors || 0) + ' continuity errors'
        : i.last_packet_age_ms >= 0 ? 'no signal for ' + seconds(i.last_packet_age_ms) : 'no signal yet')));
  }

  function drawRecording(open) {
    const measured = open && channel && channel.recording;
    recording.hidden = !measured && !(open && session.recording);
    recording.textContent = recording.hidden ? '' : measured ? 'Recording · ' + bytesSize(measured.bytes) : 'Recording';
  }

  function draw() {
    const open = isOpen(session);
    root.dataset.status = session ? session.status : 'none';
    const program = programSource(session, channel);
    drawHeading(open, program);
    drawBehind(open);
    drawRecording(open);
    tick();
    engineNote.hidden = !open || channel !== null;
    engineNote.textContent = open && channel === null
      ? 'The media engine\'s figures are not available right now; the states below are the last known.' : '';
    rows.replaceChildren(...(open ? (session.destinations || []).map(row)
      : [h('li', { class: 'muted' }, 'No session is running. ', setupHref ? h('a', { href: setupHref, 'data-link': true }, 'Set up a stream') : null)]));
    const live = open ? (session.destinations || []).filter((d) => d.state === 'live') : [];
    // the engine's reading when there is one, so that the total is the sum of the rows above it
    const total = channel ? live.reduce((sum, d) => sum + bitrateOf(d), 0) : open && session.bandwidth_kbps;
    totals.textContent = !open ? '' : 'Total bandwidth: ' + mbps(total) + (live.length ? '' : ' (no destination is live)');
    fill(source, ...(open ? ['Source on air: ', h('strong', { id: 'active-input', 'data-kind': program.kind }, program.text)] : []));
    failovers.textContent = open ? 'Failovers this session: ' + (session.failover_count || 0) : '';
    switchButton.hidden = !open || session.status !== 'active' || !otherInputPlays(program);
    endButton.hidden = !open || session.status === 'stopping' || ending;
    pauseButton.hidden = !open || session.status !== 'active' || ending || !channel;
    pauseButton.textContent = channel && channel.paused ? 'Resume' : 'Pause all';
    pauseButton.dataset.paused = String(Boolean(channel && channel.paused));
    drawInputs(open, program);
    const f = session && session.last_failover;
    alert.hidden = !(open && f);
    fill(alert, ...(open && f ? [switchWords(f)] : []));
  }

  function update(s) {
    const wasOpen = isOpen(session);
    session = s;
    countReconnects();
    const open = isOpen(s);
    draw();
    clearInterval(timer);
    if (open) {
      timer = setInterval(tick, 1000);
      samples.push({ t: Date.now(), kbps: s.bandwidth_kbps || 0 });
      if (samples.length > 600) {
        samples.shift();
      }
    }
    if (open && !poller) {
      poller = setInterval(() => refresh(), POLL_MS);
      refresh();
    } else if (!open && poller) {
      clearInterval(poller);
      poller = null;
    }
    if (open !== wasOpen || open) {
      drawAdd();
    }
  }

  return {
    element: root, update, samples,
    dispose: () => {
      clearInterval(timer);
      clearInterval(poller);
    },
  };
}
