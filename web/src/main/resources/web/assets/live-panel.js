// The live control panel (operator "Live Streaming Control", admin "Live Streaming Dashboard"):
// elapsed time, each destination's state, bitrate and stop/retry, total bandwidth, active source
// and switching, failover alerts, adding a destination while live, ending the session. It is
// redrawn from the Server-Sent Events; the clock ticks locally between events.
import { h, statusBadge, problemBox, showProblem, clearProblem, confirmAction, announce, field } from './ui.js';
import { duration, mbps, platformName, dateTime } from './format.js';
import { isOpen } from './live.js';

export function livePanel(api, { setupHref } = {}) {
  const box = problemBox();
  const clock = h('span', { class: 'clock', id: 'live-elapsed' }, '');
  const heading = h('h2', { class: 'live-heading', id: 'live-heading' }, 'Not streaming');
  const rows = h('ul', { class: 'destinations-live', id: 'live-destinations', 'aria-live': 'polite' });
  const totals = h('p', { id: 'live-bandwidth' });
  const source = h('p', { id: 'live-source' });
  const alert = h('div', { id: 'live-failover', class: 'alert', role: 'status', hidden: true });
  const addArea = h('div', { class: 'add-destination' });
  const endButton = h('button', { type: 'button', class: 'danger', id: 'end-stream' }, 'End stream');
  const switchButton = h('button', { type: 'button', id: 'switch-source' }, 'Switch source');
  // when the media backend applies a switch later (MediaLive), its answer says so
  const switchNotice = h('p', { id: 'switch-notice', class: 'hint', hidden: true });
  const root = h('section', { class: 'panel live-panel', 'aria-labelledby': 'live-heading' },
    h('div', { class: 'live-top' }, heading, clock), box, alert,
    h('h3', {}, 'Active destinations'), rows, totals, h('div', { class: 'row' }, source, switchButton), switchNotice,
    addArea, h('div', { class: 'actions' }, endButton));

  let session = null;
  let timer = null;
  const samples = [];

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

  endButton.addEventListener('click', async () => {
    if (await confirmAction('End the stream on every destination?', 'End stream')) {
      act(() => api.post('/api/streaming/stop'), 'Ending the stream');
    }
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
    if (session && isOpen(session) && session.start_time) {
      clock.textContent = duration((Date.now() - Date.parse(session.start_time)) / 1000);
    }
  }

  async function drawAdd() {
    if (!isOpen(session)) {
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

  function row(d) {
    const live = d.state === 'live';
    const button = d.wanted && d.state !== 'failed'
      ? h('button', { type: 'button', 'data-stop': d.destination_id, onclick: () => act(
        () => api.post('/api/streaming/destinations/' + encodeURIComponent(d.destination_id) + '/stop'),
        d.name + ' stopping') }, 'Stop')
      : h('button', { type: 'button', 'data-retry': d.destination_id, onclick: () => act(
        () => api.post('/api/streaming/destinations/' + encodeURIComponent(d.destination_id) + '/start'),
        d.name + ' starting') }, d.state === 'stopped' ? 'Start' : 'Retry');
    return h('li', { class: 'dest-live', 'data-destination': d.destination_id, 'data-state': d.state },
      h('span', { class: 'dest-name' }, d.name), statusBadge(d.state),
      h('span', { class: 'muted' }, platformName(d.platform)),
      h('span', { class: 'bitrate' }, live ? mbps(d.bitrate_kbps) : '0 Mbps'),
      d.last_error ? h('span', { class: 'error-text' }, d.last_error) : null,
      isOpen(session) ? button : null);
  }

  function update(s) {
    session = s;
    const open = isOpen(s);
    root.dataset.status = s ? s.status : 'none';
    heading.replaceChildren(open ? h('span', { class: 'live-dot', 'aria-hidden': 'true' }) : null,
      open ? (s.status === 'active' ? 'LIVE' : s.status === 'starting' ? 'Starting' : 'Stopping') : 'Not streaming');
    clock.textContent = '';
    clearInterval(timer);
    if (open) {
      tick();
      timer = setInterval(tick, 1000);
    }
    rows.replaceChildren(...(open ? (s.destinations || []).map(row)
      : [h('li', { class: 'muted' }, 'No session is running. ', setupHref ? h('a', { href: setupHref, 'data-link': true }, 'Set up a stream') : null)]));
    totals.textContent = open ? 'Total bandwidth: ' + mbps(s.bandwidth_kbps) : '';
    source.replaceChildren(...(open ? ['Source: ', h('strong', { id: 'active-input' }, s.active_input || 'unknown')] : []));
    switchButton.hidden = !open;
    endButton.hidden = !open;
    if (s && s.last_failover) {
      alert.hidden = false;
      alert.replaceChildren('Failover: ' + s.last_failover.from + ' → ' + s.last_failover.to
        + ' at ' + dateTime(s.last_failover.time) + (s.last_failover.reason ? ' (' + s.last_failover.reason + ')' : ''));
    } else {
      alert.hidden = true;
    }
    if (open) {
      samples.push({ t: Date.now(), kbps: s.bandwidth_kbps || 0 });
      if (samples.length > 600) {
        samples.shift();
      }
    }
    drawAdd();
  }

  return { element: root, update, samples, dispose: () => clearInterval(timer) };
}
