// The operator app (/stream): the quick setup wizard (destinations with their stream keys, quality,
// ready summary, start) and the live control panel fed by Server-Sent Events.
import { boot } from '/assets/shell.js';
import { h, field, checkbox, statusBadge, problemBox, showProblem, clearProblem, announce } from '/assets/ui.js';
import { platformName, presetLabel, inputMedia } from '/assets/format.js';
import { openDestinationDialog } from '/assets/destination-modal.js';
import { subscribeLive, isOpen } from '/assets/live.js';
import { livePanel } from '/assets/live-panel.js';
import { QUALITIES, presetFor } from '/assets/quality.js';
import { inputPreviews } from '/assets/input-previews.js';
import { alertCentre } from '/assets/alert-centre.js';

async function configure(main, { api, auth, navigate }) {
  const box = problemBox();
  const list = h('ul', { class: 'plain', id: 'destination-list' });
  const summary = h('div', { id: 'ready-summary' });
  const sourceLine = h('p', { id: 'source-status' }, 'Source status: checking…');
  const sourcePictures = h('div', { id: 'source-previews', class: 'row' });
  const startButton = h('button', { type: 'button', class: 'primary', id: 'start-streaming' }, 'Start streaming');
  const quality = h('fieldset', { id: 'quality' }, h('legend', {}, 'Stream quality'),
    QUALITIES.map(([value, label], i) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: 'quality', id: 'quality-' + value, value, checked: i === 0 }),
      h('label', { for: 'quality-' + value }, label))));
  // what viewers see of the stream in the portal (a new catalog entry), and whether it is recorded
  const categories = h('datalist', { id: 'stream-categories' });
  const details = h('form', { id: 'stream-details', novalidate: true, onsubmit: (e) => e.preventDefault() },
    field('Title', h('input', { id: 'stream-title', 'data-field': 'catalog.title', maxlength: 120,
      placeholder: 'Live stream' }), 'Shown to viewers in the portal; "Live stream" when left empty.'),
    field('Description', h('textarea', { id: 'stream-description', 'data-field': 'catalog.description',
      maxlength: 2000, rows: 3 })),
    field('Category', h('input', { id: 'stream-category', 'data-field': 'catalog.category', maxlength: 40,
      list: 'stream-categories', placeholder: 'general' }), 'Lowercase words, e.g. music, news, sports.'),
    categories,
    checkbox('record-stream', 'Record this stream (a copy of the program is kept on this server)', false));
  const claims = auth.claims();
  main.append(
    h('h1', { tabindex: '-1' }, 'Stream setup – welcome, ', claims.username),
    h('p', { id: 'session-note', class: 'notice', role: 'status' }),
    box,
    h('p', { id: 'session-banner', class: 'notice', role: 'status' }),
    h('section', { class: 'panel step', 'aria-labelledby': 'step1' }, h('h2', { id: 'step1' }, 'Step 1: Select destinations'), list,
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'add-destination', onclick: () => edit(null) }, '+ Add destination'))),
    h('section', { class: 'panel step', 'aria-labelledby': 'step2' }, h('h2', { id: 'step2' }, 'Step 2: Quality settings'), quality),
    h('section', { class: 'panel step', 'aria-labelledby': 'step3' }, h('h2', { id: 'step3' }, 'Step 3: What viewers see'), details),
    h('section', { class: 'panel step', 'aria-labelledby': 'step4' }, h('h2', { id: 'step4' }, 'Step 4: Ready to stream'),
      sourceLine, sourcePictures, summary, h('div', { class: 'actions' }, startButton)));

  let destinations = [];
  let presets = [];

  function selected() {
    return destinations.filter((d) => list.querySelector('#select-' + CSS.escape(d.destination_id))?.checked);
  }

  function drawSummary() {
    const chosen = selected();
    const ready = chosen.filter((d) => d.has_key && d.enabled);
    const height = QUALITIES.find(([v]) => quality.querySelector('#quality-' + v).checked)[2];
    // the preset each destination will stream with, as Start saves it
    summary.replaceChildren(
      h('p', {}, 'Destinations: ' + chosen.length + ' selected, ' + ready.length + ' ready'),
      h('ul', { id: 'preset-summary' }, chosen.map((d) => {
        const preset = presetFor(presets, d.platform, height) || presets.find((p) => p.preset_id === d.preset_id);
        return h('li', { 'data-destination': d.destination_id, 'data-preset': preset ? preset.preset_id : '' },
          d.name + ': ' + presetLabel(preset));
      })));
    startButton.disabled = ready.length === 0;
  }

  async function load() {
    try {
      [destinations, presets] = await Promise.all([api.get('/api/destinations'), api.get('/api/presets')]);
    } catch (e) {
      showProblem(box, e);
      return;
    }
    const before = new Set(selected().map((d) => d.destination_id));
    list.replaceChildren(...(destinations.length ? destinations.map((d) => h('li', { class: 'dest-item', 'data-destination': d.destination_id },
      h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'select-' + d.destination_id,
        checked: before.has(d.destination_id) || d.auto_start, onchange: drawSummary }),
        h('label', { for: 'select-' + d.destination_id, class: 'dest-name' }, d.name)),
      h('span', { class: 'muted' }, platformName(d.platform)),
      d.has_key ? h('span', { class: 'key-masked', 'aria-label': 'stored stream key, masked' }, d.stream_key_masked)
        : statusBadge('missing key'),
      h('button', { type: 'button', class: 'small', 'data-configure': d.destination_id, onclick: () => edit(d) },
        d.has_key ? 'Configure stream key' : 'Add stream key')))
      : [h('li', { class: 'muted' }, 'No destinations yet. Add YouTube, X, LinkedIn or a custom RTMP server.')]));
    drawSummary();
  }

  function edit(d) {
    return openDestinationDialog(api, d, { onSaved: () => load() });
  }

  quality.addEventListener('change', drawSummary);
  startButton.addEventListener('click', async () => {
    clearProblem(box);
    const chosen = selected().filter((d) => d.has_key && d.enabled);
    const height = QUALITIES.find(([v]) => quality.querySelector('#quality-' + v).checked)[2];
    startButton.disabled = true;
    try {
      for (const d of chosen) {
        const preset = presetFor(presets, d.platform, height);
        if (preset && preset.preset_id !== d.preset_id) {
          await api.put('/api/destinations/' + encodeURIComponent(d.destination_id), {
            name: d.name, platform: d.platform, rtmp_url: d.rtmp_url, preset_id: preset.preset_id,
            enabled: d.enabled, auto_start: d.auto_start, recording_backup: d.recording_backup, priority: d.priority,
            version: d.version });
        }
      }
      const text = (id) => details.querySelector('#' + id).value.trim() || null;
      await api.post('/api/streaming/start', { destination_ids: chosen.map((d) => d.destination_id),
        recording: details.querySelector('#record-stream').checked,
        catalog: { title: text('stream-title'), description: text('stream-description'), category: text('stream-category') } });
      announce('Streaming started');
      navigate('/live');
    } catch (e) {
      showProblem(box, e, details);
      startButton.disabled = false;
    }
  });
  api.get('/api/streams/categories').then((found) => categories.replaceChildren(
    ...(found || []).map((c) => h('option', { value: c.category })))).catch(() => {});

  const stop = subscribeLive(auth, (s) => {
    const banner = main.querySelector('#session-banner');
    banner.replaceChildren(...(isOpen(s) ? ['A session is running. ', h('a', { href: '/stream/live', 'data-link': true }, 'Open live control')] : []));
  });
  // The inputs listen before going live: each encoder's connection and picture are checked here, not
  // at start, and kept current while the operator prepares.
  const previews = inputPreviews(api, 'wizard-preview-');
  async function refreshSources() {
    try {
      const s = await api.get('/api/health/sources');
      const inputs = (s.inputs || []).map((i) => h('span', { class: 'input-health', 'data-input': i.input },
        ' ' + i.input + ': ', statusBadge(i.connected ? 'ok' : 'down'),
        i.connected ? ' ' + i.bitrate_kbps + ' kbps' + (i.media ? ' (' + inputMedia(i.media) + ')' : '') : ' not connected'));
      sourceLine.replaceChildren('Source status: ', statusBadge(s.status),
        s.active_input ? ' (' + s.active_input + ')' : '', ...inputs,
        inputs.length === 0 && s.status === 'idle' ? ' (no input configured yet)' : '');
      sourcePictures.replaceChildren(...(s.inputs || []).map((i) => previews.figure(i.input)));
      await previews.refresh();
    } catch {
      sourceLine.replaceChildren('Source status: ', statusBadge('unknown'));
    }
  }
  refreshSources();
  const sourceTicker = setInterval(() => {
    if (!document.hidden) {
      refreshSources();
    }
  }, 5000);
  await load();
  return {
    dispose: () => {
      stop();
      clearInterval(sourceTicker);
    },
    reopen: async (name) => {
      const id = name.split(':')[1];
      await edit(id === 'new' ? null : destinations.find((d) => d.destination_id === id) || null);
    },
  };
}

async function live(main, { api, auth }) {
  const panel = livePanel(api, { setupHref: '/stream/' });
  // the operator's alerts: their sessions' and destinations', and every input's
  const alerts = alertCentre(api, auth);
  main.append(h('h1', { tabindex: '-1' }, 'Live streaming control'), panel.element, alerts.element);
  const stop = subscribeLive(auth, panel.update);
  return { dispose: () => { stop(); panel.dispose(); alerts.dispose(); } };
}

boot({
  app: 'stream', clientId: 'lunora-operator', title: 'Lunora Stream',
  nav: [['/', 'Setup'], ['/live', 'Live control']],
  routes: { '/': configure, '/configure': configure, '/live': live },
  // administrators have their own app, which holds every operator function as well
  allowed: (groups) => groups.includes('operators'),
  elsewhere: (groups) => (groups.includes('admins') ? '/admin/' : '/stream/'),
});
