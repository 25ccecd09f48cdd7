// The multi-destination control panel: every destination with its preset and live state, start
// one, start all selected, stop all, test all, add and configure (the destination dialog).
import { h, statusBadge, problemBox, showProblem, clearProblem, confirmAction, announce } from '/assets/ui.js';
import { platformName, presetLabel } from '/assets/format.js';
import { openDestinationDialog } from '/assets/destination-modal.js';
import { subscribeLive, isOpen } from '/assets/live.js';

export async function destinations(main, { api, auth }) {
  const box = problemBox();
  const list = h('ul', { class: 'plain', id: 'control-destinations' });
  const results = h('ul', { id: 'test-results', 'aria-live': 'polite' });
  main.append(h('h1', { tabindex: '-1' }, 'Streaming destinations'),
    h('p', { id: 'session-note', class: 'notice', role: 'status' }), box,
    h('section', { class: 'panel' }, list,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'add-destination', onclick: () => configure(null) }, '+ Add destination'),
        h('a', { class: 'button', href: '/admin/presets', 'data-link': true }, 'Manage presets'),
        h('button', { type: 'button', id: 'test-all', onclick: () => testAll() }, 'Test all')),
      results),
    h('section', { class: 'panel', 'aria-labelledby': 'mc' }, h('h2', { id: 'mc' }, 'Master controls'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'start-selected', onclick: () => startSelected() }, 'Start all selected'),
        h('button', { type: 'button', class: 'danger', id: 'stop-all', onclick: () => stopAll() }, 'Stop all'))));

  let all = [];
  let presets = [];
  let session = null;

  function state(d) {
    const s = session && isOpen(session) && (session.destinations || []).find((x) => x.destination_id === d.destination_id);
    return s ? s.state : d.enabled ? (d.has_key ? 'ready' : 'missing key') : 'off';
  }

  function draw() {
    const checked = new Set([...list.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value));
    list.replaceChildren(...(all.length ? all.map((d) => h('li', { class: 'dest-item', 'data-destination': d.name },
      h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'pick-' + d.destination_id, value: d.destination_id,
        checked: checked.has(d.destination_id) || (!checked.size && d.auto_start) }),
        h('label', { for: 'pick-' + d.destination_id, class: 'dest-name' }, d.name)),
      h('span', { class: 'muted' }, platformName(d.platform)),
      h('span', {}, 'Preset: ' + presetLabel(presets.find((p) => p.preset_id === d.preset_id))),
      statusBadge(state(d)),
      h('button', { type: 'button', class: 'small', onclick: () => startOne(d) }, 'Start'),
      h('button', { type: 'button', class: 'small', onclick: () => configure(d) }, 'Configure')))
      : [h('li', { class: 'muted' }, 'No destinations yet.')]));
  }

  async function load() {
    try {
      [all, presets] = await Promise.all([api.get('/api/destinations'), api.get('/api/presets')]);
      draw();
    } catch (e) {
      showProblem(box, e);
    }
  }

  function configure(d) {
    return openDestinationDialog(api, d, { onSaved: () => load() });
  }

  async function run(action, message) {
    clearProblem(box);
    try {
      await action();
      announce(message);
    } catch (e) {
      showProblem(box, e);
    }
  }

  function startOne(d) {
    return run(() => (isOpen(session)
      ? api.post('/api/streaming/destinations/' + encodeURIComponent(d.destination_id) + '/start')
      : api.post('/api/streaming/start', { destination_ids: [d.destination_id], recording: d.recording_backup })), d.name + ' starting');
  }

  function startSelected() {
    const ids = [...list.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
    if (!ids.length) {
      showProblem(box, { title: 'Nothing selected', message: 'Select at least one destination.', errors: [] });
      return null;
    }
    return run(async () => {
      if (isOpen(session)) {
        for (const id of ids) {
          await api.post('/api/streaming/destinations/' + encodeURIComponent(id) + '/start');
        }
      } else {
        await api.post('/api/streaming/start', { destination_ids: ids,
          recording: all.some((d) => ids.includes(d.destination_id) && d.recording_backup) });
      }
    }, ids.length + ' destinations starting');
  }

  async function stopAll() {
    if (await confirmAction('Stop streaming to every destination and end the session?', 'Stop all')) {
      run(() => api.post('/api/streaming/stop'), 'Stopping all destinations');
    }
  }

  async function testAll() {
    results.replaceChildren();
    for (const d of all.filter((x) => x.has_key)) {
      const item = h('li', { 'data-test': d.name }, d.name + ': testing…');
      results.append(item);
      try {
        const r = await api.post('/api/destinations/' + encodeURIComponent(d.destination_id) + '/test');
        item.dataset.result = r.reachable ? 'ok' : 'failed';
        item.textContent = d.name + ': ' + (r.reachable ? 'OK (' + r.duration_ms + ' ms)' : 'failed at ' + String(r.failed_step).toLowerCase() + ': ' + r.message);
      } catch (e) {
        item.dataset.result = 'failed';
        item.textContent = d.name + ': ' + e.message;
      }
    }
    announce('Tests finished');
  }

  const stop = subscribeLive(auth, (s) => {
    session = s;
    draw();
  });
  await load();
  return { dispose: stop, reopen: async (name) => {
    const id = name.split(':')[1];
    await configure(id === 'new' ? null : all.find((d) => d.destination_id === id) || null);
  } };
}
