// Preset management: built-in platform presets (read-only, cloneable) and the organization's own
// (edit, clone, delete); create, import and export as JSON.
import { h, field, problemBox, showProblem, clearProblem, openDialog, confirmAction, announce, download } from '/assets/ui.js';
import { platformName, presetLabel } from '/assets/format.js';

export async function presets(main, { api }) {
  const box = problemBox();
  const builtIn = h('ul', { class: 'plain', id: 'builtin-presets' });
  const own = h('ul', { class: 'plain', id: 'custom-presets' });
  const file = h('input', { id: 'import-file', type: 'file', accept: 'application/json,.json' });
  main.append(h('h1', { tabindex: '-1' }, 'Encoding presets'),
    h('p', { id: 'session-note', class: 'notice', role: 'status' }), box,
    h('section', { class: 'panel', 'aria-labelledby': 'pp' }, h('h2', { id: 'pp' }, 'Platform presets'), builtIn),
    h('section', { class: 'panel', 'aria-labelledby': 'cp' }, h('h2', { id: 'cp' }, 'Custom presets'), own,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'create-preset', onclick: () => edit(null) }, '+ Create new preset'),
        h('button', { type: 'button', id: 'export-presets', onclick: () => exportAll() }, 'Export')),
      h('div', { class: 'row' }, field('Import presets (JSON file)', file),
        h('button', { type: 'button', id: 'import-presets', onclick: () => importFile() }, 'Import'))));

  let list = [];
  async function load() {
    try {
      list = await api.get('/api/presets');
    } catch (e) {
      showProblem(box, e);
      return;
    }
    const item = (p) => h('li', { class: 'dest-item', 'data-preset': p.name },
      h('span', { class: 'dest-name' }, presetLabel(p)), h('span', { class: 'muted' }, platformName(p.platform)),
      p.built_in ? null : h('button', { type: 'button', class: 'small', 'data-edit': p.name, onclick: () => edit(p) }, 'Edit'),
      h('button', { type: 'button', class: 'small', 'data-clone': p.name, onclick: () => cloneOf(p) }, 'Clone'),
      p.built_in ? null : h('button', { type: 'button', class: 'small danger', 'data-delete': p.name, onclick: () => remove(p) }, 'Delete'));
    builtIn.replaceChildren(...list.filter((p) => p.built_in).map(item));
    const mine = list.filter((p) => !p.built_in);
    own.replaceChildren(...(mine.length ? mine.map(item) : [h('li', { class: 'muted' }, 'No custom presets yet: clone a platform preset or create one.')]));
  }

  function cloneOf(p) {
    const form = h('form', { id: 'clone-form', novalidate: true });
    const cloneBox = problemBox();
    const name = h('input', { id: 'clone-name', type: 'text', value: p.name + ' (copy)', 'data-field': 'name' });
    form.append(cloneBox, field('Name of the copy', name));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(cloneBox, form);
      try {
        const copy = await api.post('/api/presets/' + encodeURIComponent(p.preset_id) + '/clone', { name: name.value.trim() });
        announce('Cloned as ' + copy.name);
        dialog.close();
        load();
      } catch (err) {
        showProblem(cloneBox, err, form);
      }
    });
    const dialog = openDialog({ title: 'Clone ' + p.name, body: form, actions: [
      h('button', { type: 'submit', class: 'primary', form: 'clone-form', id: 'clone-save' }, 'Clone'),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')] });
  }

  function edit(p) {
    const v = p?.video || { resolution: '1920x1080', frame_rate: 30, bitrate_kbps: 6000, codec: 'h264', profile: 'high', keyframe_interval_seconds: 2, b_frames: 2 };
    const a = p?.audio || { codec: 'aac', bitrate_kbps: 128, sample_rate_hz: 48000, channels: 'stereo' };
    const form = h('form', { id: 'preset-form', novalidate: true });
    const editBox = problemBox();
    const input = (id, value, fieldName, attrs = {}) => h('input', { id, value: value ?? '', 'data-field': fieldName, ...attrs });
    const select = (id, value, fieldName, options) => h('select', { id, 'data-field': fieldName, value },
      options.map((o) => h('option', { value: o }, o)));
    form.append(editBox,
      field('Name', input('preset-name', p?.name, 'name', { type: 'text' })),
      field('Platform', h('select', { id: 'preset-platform', 'data-field': 'platform', value: p?.platform || 'custom' },
        ['youtube', 'x', 'linkedin', 'custom'].map((x) => h('option', { value: x }, platformName(x))))),
      h('div', { class: 'grid2' },
        field('Resolution', input('preset-resolution', v.resolution, 'video.resolution', { type: 'text' }), 'WIDTHxHEIGHT, e.g. 1280x720'),
        field('Frame rate', input('preset-fps', v.frame_rate, 'video.frame_rate', { type: 'number' })),
        field('Video bitrate (kbps)', input('preset-bitrate', v.bitrate_kbps, 'video.bitrate_kbps', { type: 'number' })),
        field('Video codec', select('preset-codec', v.codec, 'video.codec', ['h264', 'h265'])),
        field('Profile', select('preset-profile', v.profile, 'video.profile', ['baseline', 'main', 'high'])),
        field('Keyframe interval (s)', input('preset-keyframe', v.keyframe_interval_seconds, 'video.keyframe_interval_seconds', { type: 'number' })),
        field('B-frames', input('preset-bframes', v.b_frames, 'video.b_frames', { type: 'number' })),
        field('Audio codec', select('preset-audio-codec', a.codec, 'audio.codec', ['aac', 'mp3'])),
        field('Audio bitrate (kbps)', input('preset-audio-bitrate', a.bitrate_kbps, 'audio.bitrate_kbps', { type: 'number' })),
        field('Sample rate (Hz)', input('preset-sample-rate', a.sample_rate_hz, 'audio.sample_rate_hz', { type: 'number' })),
        field('Channels', select('preset-channels', a.channels, 'audio.channels', ['stereo', 'mono']))));
    const val = (id) => form.querySelector('#' + id).value;
    const num = (id) => (val(id) === '' ? null : Number(val(id)));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(editBox, form);
      const body = {
        name: val('preset-name').trim(), platform: val('preset-platform'),
        video: { resolution: val('preset-resolution').trim(), frame_rate: num('preset-fps'), bitrate_kbps: num('preset-bitrate'),
          codec: val('preset-codec'), profile: val('preset-profile'), keyframe_interval_seconds: num('preset-keyframe'), b_frames: num('preset-bframes') },
        audio: { codec: val('preset-audio-codec'), bitrate_kbps: num('preset-audio-bitrate'), sample_rate_hz: num('preset-sample-rate'), channels: val('preset-channels') },
        version: p?.version ?? null,
      };
      try {
        const saved = p ? await api.put('/api/presets/' + encodeURIComponent(p.preset_id), body) : await api.post('/api/presets', body);
        announce('Preset ' + saved.name + ' saved');
        dialog.close();
        load();
      } catch (err) {
        showProblem(editBox, err, form);
      }
    });
    const dialog = openDialog({ title: p ? 'Edit ' + p.name : 'Create preset', body: form, reopen: 'preset:' + (p ? p.preset_id : 'new'), actions: [
      h('button', { type: 'submit', class: 'primary', form: 'preset-form', id: 'preset-save' }, 'Save'),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')] });
  }

  async function remove(p) {
    if (!(await confirmAction('Delete the preset "' + p.name + '"?', 'Delete'))) {
      return;
    }
    clearProblem(box);
    try {
      await api.del('/api/presets/' + encodeURIComponent(p.preset_id) + '?version=' + p.version);
      announce('Preset deleted');
      load();
    } catch (e) {
      showProblem(box, e);
    }
  }

  async function exportAll() {
    clearProblem(box);
    try {
      download('lunora-presets.json', JSON.stringify(await api.get('/api/presets/export'), null, 2));
    } catch (e) {
      showProblem(box, e);
    }
  }

  async function importFile() {
    clearProblem(box);
    const chosen = file.files[0];
    if (!chosen) {
      showProblem(box, { title: 'No file', message: 'Choose an exported presets file first.', errors: [] });
      return;
    }
    let doc;
    try {
      doc = JSON.parse(await chosen.text());
    } catch {
      showProblem(box, { title: 'Not JSON', message: 'The file is not a JSON document.', errors: [] });
      return;
    }
    try {
      const created = await api.post("/api/presets/import", doc);
      announce(created.length + ' presets imported');
      file.value = '';
      load();
    } catch (e) {
      showProblem(box, e);
    }
  }

  await load();
  return { reopen: (name) => { const id = name.split(':')[1]; edit(id === 'new' ? null : list.find((x) => x.preset_id === id)); } };
}
