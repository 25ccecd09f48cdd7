// Recordings (/admin/recordings): the program of every session started with "Record this stream",
// one file per session, listed with its size and date; Download saves it as MPEG-TS, Delete removes
// it from the disk (or S3) after asking. A recording still being written cannot be deleted.
import { h, fill, problemBox, showProblem, clearProblem, announce, confirmAction, statusBadge } from '/assets/ui.js';
import { bytesSize, dateTime, duration } from '/assets/format.js';

export async function recordings(main, { api }) {
  const box = problemBox();
  const rows = h('tbody', { id: 'recording-rows' });
  main.append(h('h1', { tabindex: '-1' }, 'Recordings'), box,
    h('section', { class: 'panel', 'aria-labelledby': 'rh' }, h('h2', { id: 'rh' }, 'Recorded sessions'),
      h('p', { class: 'hint' }, 'Sessions started with "Record this stream". A recording downloads as one MPEG-TS file (.ts) that VLC and FFmpeg play.'),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['Started', 'Stream', 'Started by', 'Length', 'Size', 'State', ''].map((c) => h('th', { scope: 'col' }, c)))),
        rows))));

  const row = (r) => h('tr', { 'data-recording': r.id, 'data-state': r.state },
    h('td', {}, dateTime(r.started_at)),
    h('td', {}, r.stream_id || r.id),
    h('td', {}, r.started_by || '—'),
    h('td', {}, duration(r.duration_seconds)),
    h('td', { 'data-bytes': String(r.bytes) }, bytesSize(r.bytes)),
    h('td', {}, r.state === 'recording' ? [statusBadge('live'), ' recording'] : 'Complete'),
    h('td', {},
      h('button', { type: 'button', class: 'small', 'data-download': r.id, onclick: () => download(r) }, 'Download'), ' ',
      h('button', { type: 'button', class: 'small danger', 'data-delete': r.id, disabled: r.state === 'recording',
        title: r.state === 'recording' ? 'Still being written: end the stream first' : '', onclick: () => remove(r) }, 'Delete')));

  async function load() {
    try {
      const list = await api.get('/api/recordings');
      fill(rows, ...(list.length ? list.map(row)
        : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No recordings yet: tick "Record this stream" when you start one.'))]));
    } catch (e) {
      showProblem(box, e);
    }
  }

  async function download(r) {
    clearProblem(box);
    try {
      // behind the access token, so fetched and handed to the browser as a file
      const blob = await api.file('/api/recordings/' + encodeURIComponent(r.id) + '/file', 'video/mp2t');
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: 'lunora-recording-' + r.id + '.ts', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      showProblem(box, e);
    }
  }

  async function remove(r) {
    if (!await confirmAction('Delete the recording of ' + dateTime(r.started_at) + ' (' + bytesSize(r.bytes)
      + ')? It cannot be brought back.', 'Delete')) {
      return;
    }
    clearProblem(box);
    try {
      await api.del('/api/recordings/' + encodeURIComponent(r.id));
      announce('Recording deleted');
      await load();
    } catch (e) {
      showProblem(box, e);
    }
  }

  await load();
  return {};
}
