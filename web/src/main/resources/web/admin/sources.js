// Advanced source configuration: redundancy mode, thresholds, failback, the two SRT encoders
// (passphrases are write-only), live source status, test and forced failover.
import { h, field, checkbox, problemBox, showProblem, clearProblem, confirmAction, announce, statusBadge } from '/assets/ui.js';
import { inputMedia } from '/assets/format.js';
import { inputPreviews } from '/assets/input-previews.js';

export async function sources(main, { api }) {
  const box = problemBox();
  const form = h('form', { id: 'source-form', novalidate: true });
  const status = h('div', { id: 'source-status' });
  main.append(h('h1', { tabindex: '-1' }, 'Advanced source configuration'),
    h('p', { id: 'session-note', class: 'notice', role: 'status' }), box,
    h('section', { class: 'panel', 'aria-labelledby': 'ss' }, h('h2', { id: 'ss' }, 'Source status'), status,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'test-sources', onclick: () => loadStatus(true) }, 'Test sources'),
        h('button', { type: 'button', class: 'danger', id: 'force-failover', onclick: () => forceFailover() }, 'Force failover'))),
    h('section', { class: 'panel', 'aria-labelledby': 'rs' }, h('h2', { id: 'rs' }, 'Redundancy settings'), form));

  let config;
  try {
    config = await api.get('/api/sources/config');
  } catch (e) {
    showProblem(box, e);
    return null;
  }

  const num = (id, value, attrs = {}) => h('input', { id, type: 'number', inputmode: 'numeric', value: value ?? '', ...attrs });
  const mode = h('fieldset', { 'data-field': 'redundancy_mode' }, h('legend', {}, 'Mode'),
    [['single', 'Single source'], ['auto_failover', 'Auto failover'], ['manual', 'Manual']].map(([v, label]) =>
      h('div', { class: 'check' }, h('input', { type: 'radio', name: 'redundancy_mode', id: 'mode-' + v, value: v,
        checked: config.redundancy_mode === v }), h('label', { for: 'mode-' + v }, label))),
    h('p', { class: 'field-error', role: 'alert' }));
  mode.classList.add('field');

  function sourceFields(prefix, key, s, title) {
    s = s || { name: title, mode: 'listener', host: '', port: prefix === 'primary' ? 9998 : 9999, latency_ms: 200 };
    const f = (name) => key + '.' + name;
    const fs = h('fieldset', { id: prefix + '-fields' }, h('legend', {}, title),
      field('Name', h('input', { id: prefix + '-name', type: 'text', value: s.name, 'data-field': f('name') })),
      field('Connection', h('select', { id: prefix + '-mode', value: s.mode, 'data-field': f('mode') },
        h('option', { value: 'listener' }, 'Listener (encoder calls us)'), h('option', { value: 'caller' }, 'Caller (we call the encoder)'))),
      field('IP address or host', h('input', { id: prefix + '-host', type: 'text', value: s.host || '', 'data-field': f('host') }),
        'For a listener: the address to listen on (empty: all).'),
      field('SRT port', num(prefix + '-port', s.port, { 'data-field': f('port'), min: 1024, max: 65535 })),
      field('Latency (ms)', num(prefix + '-latency', s.latency_ms, { 'data-field': f('latency_ms'), min: 20, max: 8000 })),
      field('Passphrase', h('input', { id: prefix + '-passphrase', type: 'password', autocomplete: 'new-password', 'data-field': f('passphrase'),
        placeholder: s.encrypted ? 'Encryption enabled (leave empty to keep)' : 'No encryption' }),
      '10 to 79 characters; never shown again.'),
      s.encrypted ? checkbox(prefix + '-remove-passphrase', 'Remove the passphrase (turn encryption off)') : null);
    return fs;
  }

  const secondaryOn = checkbox('secondary-enabled', 'Use a secondary source', Boolean(config.secondary_source));
  form.append(
    field('Configuration name', h('input', { id: 'config-name', type: 'text', value: config.name, 'data-field': 'name' })),
    mode,
    h('div', { class: 'grid2' },
      field('Failover threshold (seconds)', num('failover-threshold', config.failover_threshold, { min: 1, max: 60, 'data-field': 'failover_threshold' })),
      field('Health check interval (seconds)', num('health-interval', config.health_check_interval, { min: 1, max: 60, 'data-field': 'health_check_interval' })),
      field('After a failover', h('select', { id: 'failback', value: config.failback, 'data-field': 'failback' },
        h('option', { value: 'stay' }, 'Stay on the secondary'), h('option', { value: 'return_to_primary' }, 'Return to the primary'))),
      field('Return after (seconds)', num('failback-after', config.failback_after, { min: 5, max: 3600, 'data-field': 'failback_after' }))),
    h('div', { class: 'grid2' }, sourceFields('primary', 'primary_source', config.primary_source, 'Primary source'),
      h('div', {}, secondaryOn, sourceFields('secondary', 'secondary_source', config.secondary_source, 'Secondary source'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'save-sources' }, 'Save configuration')));

  const value = (id) => form.querySelector('#' + id);
  const int = (id) => (value(id).value === '' ? null : Number(value(id).value));
  function source(prefix) {
    const passphrase = value(prefix + '-passphrase').value;
    return {
      name: value(prefix + '-name').value.trim(), mode: value(prefix + '-mode').value,
      host: value(prefix + '-host').value.trim() || null, port: int(prefix + '-port'), latency_ms: int(prefix + '-latency'),
      passphrase: passphrase || null, remove_passphrase: value(prefix + '-remove-passphrase')?.checked || null,
    };
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(box, form);
    const chosenMode = form.querySelector('input[name=redundancy_mode]:checked');
    try {
      config = await api.put('/api/sources/config', {
        name: value('config-name').value.trim(), redundancy_mode: chosenMode ? chosenMode.value : null,
        failover_threshold: int('failover-threshold'), health_check_interval: int('health-interval'),
        failback: value('failback').value, failback_after: int('failback-after'),
        primary_source: source('primary'),
        secondary_source: form.querySelector('#secondary-enabled').checked ? source('secondary') : null,
        version: config.version,
      });
      form.querySelectorAll('input[type=password]').forEach((p) => { p.value = ''; });
      announce('Source configuration saved');
      box.hidden = false;
      box.className = 'notice';
      box.replaceChildren('Saved (version ' + config.version + ').');
      box.id = 'source-saved';
    } catch (err) {
      box.className = 'problem';
      showProblem(box, err, form);
    }
  });

  let lastTest = null;
  async function loadStatus(announceIt) {
    try {
      const s = await api.get('/api/sources/status');
      // connected null: the backend's health reading was not available (the notice says why), not a lost input
      status.replaceChildren(...(s.notice ? [h('p', { class: 'notice', id: 'source-health-notice' }, s.notice)] : []),
        ...(s.sources || []).map((i) => h('div', { class: 'source-line', 'data-input': i.role },
          h('p', {}, (i.name || i.role) + ' (' + i.role + '): ',
            statusBadge(i.connected == null ? 'unknown' : i.connected ? 'ok' : 'down'),
            (i.connected == null ? '' : ' ' + i.bitrate_kbps + ' kbps') + (i.active ? ' (on air)' : '')),
          h('p', { class: 'input-media', id: 'media-' + i.role }, inputMedia(i.media)),
          previews.figure(i.role))));
      previews.refresh();
      if (announceIt) {
        // "Test sources" says what it measured, not only that it ran; the line stays until the next test
        lastTest = 'Source test at ' + new Date().toLocaleTimeString() + ': ' + ((s.sources || []).map((i) => i.role + ' '
          + (i.connected ? 'connected, ' + i.bitrate_kbps + ' kbps' + (i.media ? ', ' + inputMedia(i.media) : '')
            : 'not connected')).join('; ') || 'no input configured');
        announce(lastTest);
      }
      if (lastTest) {
        status.prepend(h('p', { class: 'notice', id: 'source-test-result' }, lastTest));
      }
    } catch (e) {
      try {
        const health = await api.get('/api/health/sources');
        status.replaceChildren(h('p', {}, 'Sources: ', statusBadge(health.status), health.active_input ? ' – on air: ' + health.active_input : ''),
          ...(health.inputs || []).map((i) => h('p', {}, i.input + ': ', statusBadge(i.connected ? 'ok' : 'down'),
            ' ' + i.bitrate_kbps + ' kbps, last packet ' + i.last_packet_age_ms + ' ms ago')));
      } catch (e2) {
        status.replaceChildren(h('p', { class: 'error-text' }, e2.message));
      }
      if (announceIt && e.status) {
        announce('Source test: ' + e.message);
      }
    }
  }

  // The inputs run before any session: their latest picture proves the encoder sends what it should.
  const previews = inputPreviews(api, 'preview-');
  const ticker = setInterval(() => {
    if (!document.hidden) {
      loadStatus(false);
    }
  }, 5000);

  async function forceFailover() {
    if (!(await confirmAction('Switch the program to the secondary source now?', 'Force failover'))) {
      return;
    }
    clearProblem(box, form);
    try {
      const answer = await api.post('/api/sources/switch', { input: 'secondary', reason: 'forced by administrator' });
      announce('Switching to the secondary source' + (answer && answer.notice ? '. ' + answer.notice : ''));
      loadStatus(false);
    } catch (e) {
      box.className = 'problem';
      showProblem(box, e);
    }
  }

  loadStatus(false);
  return { dispose: () => clearInterval(ticker) };
}
