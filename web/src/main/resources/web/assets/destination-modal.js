// The destination dialog (operator "Stream Key Configuration", admin "Destination Configuration"):
// name, platform, server URL, stream key with show/hide, quality preset, options, Test connection,
// Save, Delete. A stored key is never shown: only its masked form, and an empty field keeps it.
import { h, field, checkbox, openDialog, problemBox, showProblem, clearProblem, confirmAction, announce } from './ui.js';
import { platformName, presetLabel } from './format.js';
import { QUALITIES, platformPresets, presetFor } from './quality.js';

const INSTRUCTIONS = {
  youtube: ['Go to YouTube Studio → Go Live.', 'Copy your stream key from the setup page.', 'Paste it above and click Save.'],
  x: ['Open Media Studio → Producer on X.', 'Create a source and copy its stream key.', 'Paste it above and click Save.'],
  linkedin: ['Create a LinkedIn Live event with a custom stream.', 'Copy the stream URL and stream key.', 'Paste both above and click Save.'],
  custom: ['Enter your server\'s rtmp:// or rtmps:// URL.', 'Enter the stream key it expects.', 'Click Test connection, then Save.'],
};

/**
 * Opens the dialog for destination (null: a new one). onSaved(destination) after every save;
 * platform preselects the platform of a new destination.
 */
export async function openDestinationDialog(api, destination, { onSaved, platform } = {}) {
  let presets = [];
  try {
    presets = await api.get('/api/presets');
  } catch {
    presets = [];
  }
  let current = destination;
  const box = problemBox();
  const result = h('p', { id: 'dest-test-result', role: 'status', class: 'test-result' });
  const name = h('input', { id: 'dest-name', type: 'text', required: true, maxlength: 100, value: current?.name ?? '',
    autocomplete: 'off' });
  const platformSelect = h('select', { id: 'dest-platform', 'data-field': 'platform', value: current?.platform ?? platform ?? 'youtube' },
    ['youtube', 'x', 'linkedin', 'custom'].map((p) => h('option', { value: p }, platformName(p))));
  const url = h('input', { id: 'dest-url', type: 'url', 'data-field': 'rtmp_url', value: current?.rtmp_url ?? '',
    placeholder: 'rtmp://live.example.com/live', autocomplete: 'off' });
  const key = h('input', { id: 'dest-key', type: 'password', 'data-field': 'stream_key', autocomplete: 'off',
    spellcheck: false, placeholder: current?.has_key ? 'Stored: ' + current.stream_key_masked + ' (leave empty to keep)' : '' });
  const show = h('button', { type: 'button', class: 'small', 'aria-pressed': 'false', 'aria-controls': 'dest-key',
    id: 'dest-key-toggle' }, 'Show');
  show.addEventListener('click', () => {
    const visible = key.type === 'password';
    key.type = visible ? 'text' : 'password';
    show.textContent = visible ? 'Hide' : 'Show';
    show.setAttribute('aria-pressed', String(visible));
  });
  const preset = h('select', { id: 'dest-preset', 'data-field': 'preset_id' });
  const steps = h('ol', { class: 'instructions' });
  const options = [checkbox('dest-autostart', 'Auto-start with streaming session', current?.auto_start),
    checkbox('dest-recording', 'Enable recording backup', current?.recording_backup),
    checkbox('dest-priority', 'Priority destination', current?.priority),
    checkbox('dest-enabled', 'Enabled', current ? current.enabled : true)];

  function fillPresets() {
    const p = platformSelect.value;
    const mine = platformPresets(presets, p);
    const list = mine.length ? mine : presets;
    const keep = preset.value || current?.preset_id;
    preset.replaceChildren(...list.map((x) => h('option', { value: x.preset_id }, presetLabel(x))));
    // a new destination, or one moved to another platform, starts at the wizard's default quality (High)
    const high = presetFor(presets, p, QUALITIES[0][2]);
    if (list.some((x) => x.preset_id === keep)) {
      preset.value = keep;
    } else if (high) {
      preset.value = high.preset_id;
    }
    steps.replaceChildren(...(INSTRUCTIONS[p] || []).map((s) => h('li', {}, s)));
    url.required = p === 'linkedin' || p === 'custom';
  }
  platformSelect.addEventListener('change', fillPresets);
  fillPresets();

  const form = h('form', { class: 'form', novalidate: true },
    box,
    field('Name', name),
    field('Platform', platformSelect),
    field('Server URL', url, 'Leave empty for YouTube and X: their ingest address is filled in.'),
    h('div', { class: 'field', 'data-field': 'stream_key' },
      h('label', { for: 'dest-key' }, 'Stream key'),
      h('div', { class: 'row' }, key, show),
      current?.has_key ? h('p', { class: 'hint', id: 'dest-key-hint' }, 'A key is stored (' + current.stream_key_masked + '). It is never shown again.') : null,
      h('p', { class: 'field-error', id: 'dest-key-error', role: 'alert' })),
    h('div', {}, h('p', { class: 'hint' }, 'Instructions:'), steps),
    field('Quality', preset),
    h('fieldset', {}, h('legend', {}, 'Options'), options),
    result);
  key.setAttribute('aria-describedby', 'dest-key-error' + (current?.has_key ? ' dest-key-hint' : ''));

  function body() {
    return {
      name: name.value.trim(), platform: platformSelect.value, rtmp_url: url.value.trim() || null,
      stream_key: key.value ? key.value : null, preset_id: preset.value || null,
      auto_start: form.querySelector('#dest-autostart').checked,
      recording_backup: form.querySelector('#dest-recording').checked,
      priority: form.querySelector('#dest-priority').checked,
      enabled: form.querySelector('#dest-enabled').checked,
      version: current?.version ?? null,
    };
  }

  async function save() {
    clearProblem(box, form);
    try {
      current = current
        ? await api.put('/api/destinations/' + encodeURIComponent(current.destination_id), body())
        : await api.post('/api/destinations', body());
      key.value = '';
      key.placeholder = 'Stored: ' + current.stream_key_masked + ' (leave empty to keep)';
      announce('Destination "' + current.name + '" saved');
      onSaved?.(current);
      return true;
    } catch (e) {
      showProblem(box, e, form);
      return false;
    }
  }

  const testButton = h('button', { type: 'button', id: 'dest-test' }, 'Test connection');
  testButton.addEventListener('click', async () => {
    if (!current || key.value || !sameAsSaved()) {
      if (!(await save())) {
        return;
      }
    }
    result.textContent = 'Testing…';
    result.dataset.result = 'pending';
    try {
      const r = await api.post('/api/destinations/' + encodeURIComponent(current.destination_id) + '/test');
      result.dataset.result = r.reachable ? 'ok' : 'failed';
      result.textContent = r.reachable ? 'Connection OK (' + r.duration_ms + ' ms)'
        : 'Connection failed at ' + String(r.failed_step).toLowerCase().replace('_', ' ') + ': ' + r.message;
    } catch (e) {
      result.dataset.result = 'failed';
      showProblem(box, e, form);
      result.textContent = '';
    }
  });

  function sameAsSaved() {
    const b = body();
    return b.name === current.name && b.platform === current.platform && b.preset_id === current.preset_id
      && (b.rtmp_url === null || b.rtmp_url === current.rtmp_url);
  }

  const saveButton = h('button', { type: 'submit', class: 'primary', id: 'dest-save' }, 'Save');
  const cancel = h('button', { type: 'button', id: 'dest-cancel' }, 'Cancel');
  const actions = [testButton, saveButton, cancel];
  if (current) {
    actions.push(h('button', { type: 'button', class: 'danger', id: 'dest-delete', onclick: async () => {
      if (await confirmAction('Delete "' + current.name + '" and its stored stream key?', 'Delete')) {
        try {
          await api.del('/api/destinations/' + encodeURIComponent(current.destination_id) + '?version=' + current.version);
          announce('Destination deleted');
          onSaved?.(null);
          dialog.close();
        } catch (e) {
          showProblem(box, e, form);
        }
      }
    } }, 'Delete'));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await save()) {
      dialog.close();
    }
  });
  saveButton.setAttribute('form', 'destination-form');
  form.id = 'destination-form';
  cancel.addEventListener('click', () => dialog.close());
  const dialog = openDialog({
    title: current ? 'Configure ' + current.name : 'Add destination', body: form, actions,
    reopen: 'destination:' + (current ? current.destination_id : 'new'),
  });
  return dialog;
}
