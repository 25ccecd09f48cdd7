// System analytics and session history: totals over a time range, platform distribution, the
// costs as the server prices them (/api/costs: per session, the range, the month against the
// budget, the same figures as the overview's), the budget form, and per session a chart of bitrate over time with the
// failover events. Finished sessions keep per-destination counters (bytes, start, stop), so their
// curve is each destination's average bitrate over the time it was pushed; an open session adds
// the bandwidth samples this page receives live.
import { h, fill, problemBox, showProblem, statusBadge } from '/assets/ui.js';
import { duration, mbps, money, dateTime, platformName } from '/assets/format.js';
import { stepChart } from '/assets/chart.js';
import { budgetPanel } from './budget.js';

const RANGES = [['1', 'Last 24 hours'], ['7', 'Last 7 days'], ['30', 'Last 30 days'], ['365', 'Last year']];

/** The total bitrate as a step series: each destination contributes its average while it was pushed. */
export function bitrateSeries(session, now = Date.now()) {
  const start = Date.parse(session.start_time);
  const end = session.end_time ? Date.parse(session.end_time) : now;
  const spans = (session.destinations || []).filter((d) => d.started_at).map((d) => {
    const from = Date.parse(d.started_at);
    const to = d.stopped_at ? Date.parse(d.stopped_at) : end;
    const seconds = Math.max(1, (to - from) / 1000);
    return { from, to, kbps: (d.bytes_sent || 0) * 8 / 1000 / seconds };
  });
  const times = [...new Set([start, end, ...spans.flatMap((s) => [s.from, s.to])])].filter((t) => t >= start && t <= end).sort((a, b) => a - b);
  return { start, end, series: times.map((t) => ({ t, v: spans.filter((s) => s.from <= t && t < s.to).reduce((sum, s) => sum + s.kbps, 0) })) };
}

/** Every input switch of a session, oldest first, page by page (the session itself holds only the latest). */
export async function sessionSwitches(api, sessionId, max = 1000) {
  const all = [];
  let cursor = null;
  do {
    const page = await api.get('/api/streaming/sessions/' + encodeURIComponent(sessionId) + '/events?limit=100'
      + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    all.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor && all.length < max);
  return all;
}

export async function history(main, { api }) {
  const box = problemBox();
  const range = h('select', { id: 'range' }, RANGES.map(([v, label]) => h('option', { value: v, selected: v === '30' }, label)));
  const metrics = h('div', { class: 'metrics', id: 'analytics-metrics' });
  const platforms = h('ul', { id: 'platform-distribution' });
  const costs = h('ul', { id: 'cost-analysis' });
  const monthCost = h('p', { id: 'month-cost' });
  const rows = h('tbody', { id: 'session-rows' });
  const detail = h('section', { class: 'panel', id: 'session-detail', 'aria-live': 'polite', hidden: true });
  const exportCsv = h('button', { type: 'button', id: 'export-csv', onclick: () => download() }, 'Download CSV');
  main.append(h('h1', { tabindex: '-1' }, 'System analytics & session history'), box,
    h('section', { class: 'panel' }, h('div', { class: 'row' }, h('label', { for: 'range' }, 'Time range'), range, exportCsv), metrics,
      h('div', { class: 'grid2' },
        h('div', {}, h('h2', {}, 'Platform distribution'), platforms),
        h('div', {}, h('h2', {}, 'Cost analysis'), costs, monthCost))),
    budgetPanel(api, () => reload()).element,
    h('section', { class: 'panel', 'aria-labelledby': 'sh' }, h('h2', { id: 'sh' }, 'Sessions'),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['Started', 'Duration', 'Status', 'Destinations', 'Failovers', 'Est. cost', ''].map((c) => h('th', { scope: 'col' }, c)))),
        rows))),
    detail);

  let sessions = [];
  let priced;
  try {
    [sessions, priced] = await Promise.all([api.get(sessionsPath('sessions')), api.get(sessionsPath('costs'))]);
  } catch (e) {
    showProblem(box, e);
    return null;
  }
  const costOf = (s) => priced.sessions.find((c) => c.session_id === s.session_id);

  /** The days of the chosen range (UTC, as the server counts them): every session in it, not the latest few. */
  function sessionsPath(what) {
    const day = (t) => new Date(t).toISOString().slice(0, 10);
    const now = Date.now();
    const base = { export: '/api/streaming/sessions/export', sessions: '/api/streaming/sessions', costs: '/api/costs' }[what];
    return base + '?from=' + day(now - Number(range.value || '30') * 86_400_000) + '&to=' + day(now);
  }

  async function reload() {
    try {
      [sessions, priced] = await Promise.all([api.get(sessionsPath('sessions')), api.get(sessionsPath('costs'))]);
      box.replaceChildren();
      draw();
    } catch (e) {
      showProblem(box, e);
    }
  }

  async function download() {
    try {
      const blob = await api.file(sessionsPath('export'), 'text/csv');
      const link = h('a', { href: URL.createObjectURL(blob), download: 'lunora-sessions-last-' + range.value + '-days.csv', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      showProblem(box, e);
    }
  }

  function draw() {
    // the days of the range, as the server counts them for the sessions and their costs alike
    const inRange = sessions;
    const hours = inRange.reduce((sum, s) => sum + s.duration_seconds, 0) / 3600;
    const failovers = inRange.reduce((sum, s) => sum + (s.failover_count || 0), 0);
    const perPlatform = {};
    for (const s of inRange) {
      for (const d of s.destinations || []) {
        if (d.started_at) {
          const to = d.stopped_at ? Date.parse(d.stopped_at) : (s.end_time ? Date.parse(s.end_time) : Date.now());
          perPlatform[d.platform] = (perPlatform[d.platform] || 0) + Math.max(0, to - Date.parse(d.started_at)) / 3_600_000;
        }
      }
    }
    const totalPlatform = Object.values(perPlatform).reduce((a, b) => a + b, 0) || 1;
    const cost = priced.total;
    const pct = (v) => ' (' + Math.round(v / (cost.total || 1) * 100) + '%)';
    const month = priced.month;
    metrics.replaceChildren(
      h('div', { class: 'metric' }, h('span', { class: 'value' }, hours.toFixed(1) + ' h'), 'Total streaming hours'),
      h('div', { class: 'metric' }, h('span', { class: 'value' }, inRange.length), 'Sessions'),
      h('div', { class: 'metric' }, h('span', { class: 'value' }, failovers), 'Failovers'),
      h('div', { class: 'metric' }, h('span', { class: 'value' }, mbps(Math.max(0, ...inRange.map((s) => bitrateSeries(s).series.reduce((m, p) => Math.max(m, p.v), 0))))), 'Peak bandwidth'));
    platforms.replaceChildren(...(Object.keys(perPlatform).length ? Object.entries(perPlatform).map(([p, hrs]) =>
      h('li', {}, platformName(p) + ': ' + Math.round(hrs / totalPlatform * 100) + '% (' + hrs.toFixed(1) + ' h)'))
      : [h('li', { class: 'muted' }, 'No streaming in this range.')]));
    costs.replaceChildren(
      h('li', {}, 'MediaLive: ' + money(cost.medialive) + pct(cost.medialive)),
      h('li', {}, 'Data transfer: ' + money(cost.data_transfer) + pct(cost.data_transfer)),
      h('li', {}, 'Storage: ' + money(cost.storage) + pct(cost.storage)),
      h('li', {}, h('strong', {}, 'Sessions in this range: ' + money(cost.total))));
    fill(monthCost, 'This month so far: ', h('strong', { id: 'analytics-month-cost' }, money(month.total)),
      ' of the ' + money(month.budget) + ' budget' + (month.share_used !== null ? ' (' + Math.round(month.share_used) + '%)' : '')
      + ', with ' + money(month.other_services) + ' of other services (DynamoDB, Parameter Store, Lambda).');
    rows.replaceChildren(...(inRange.length ? inRange.map((s) => h('tr', { 'data-session': s.session_id },
      h('td', {}, dateTime(s.start_time)), h('td', {}, duration(s.duration_seconds)), h('td', {}, statusBadge(s.status)),
      h('td', {}, (s.destinations || []).map((d) => d.name).join(', ')),
      h('td', {}, s.failover_count || 0),
      h('td', {}, costOf(s) ? money(costOf(s).cost.total) : '—'),
      h('td', {}, h('button', { type: 'button', class: 'small', 'data-show-session': s.session_id, onclick: () => show(s) }, 'Details'))))
      : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No sessions in this range.'))]));
  }

  function show(s) {
    const { start, end, series } = bitrateSeries(s);
    const chart = (switches) => stepChart({
      title: 'Total bitrate over time with failover events',
      series, start, end,
      markers: switches.map((f) => ({ t: Date.parse(f.time), label: 'failover ' + f.from + '→' + f.to })),
    });
    const c = costOf(s);
    let shown = chart(s.failover_events || []);
    detail.hidden = false;
    detail.dataset.session = s.session_id;
    fill(detail,
      h('h2', { id: 'session-detail-title', tabindex: '-1' }, 'Session of ' + dateTime(s.start_time)),
      h('p', {}, 'Status: ', statusBadge(s.status), ' · duration ' + duration(s.duration_seconds) + ' · started by ' + (s.started_by || '—')
        + ' · source mode ' + (s.source_config?.redundancy_mode || '—')
        + ' · ' + (s.switch_count || 0) + ' input switches, ' + (s.failover_count || 0) + ' failovers'),
      shown,
      h('p', { class: 'hint' }, 'Each destination counts with its average bitrate (bytes sent over the time it was pushed).'),
      h('h3', {}, 'Destinations'),
      h('ul', {}, (s.destinations || []).map((d) => h('li', {}, d.name + ' (' + platformName(d.platform) + '): '
        + (d.bytes_sent / 1e6).toFixed(1) + ' MB' + (d.last_error ? ' – last error: ' + d.last_error : '')))),
      h('h3', {}, 'Cost'),
      c ? h('ul', { id: 'session-cost' },
        h('li', {}, 'MediaLive: ' + money(c.cost.medialive) + ' (' + c.hours.toFixed(2) + ' h)'),
        h('li', {}, 'Data transfer: ' + money(c.cost.data_transfer) + ' (' + c.gigabytes.toFixed(3) + ' GB)'),
        h('li', {}, 'Recording storage (1 month): ' + money(c.cost.storage)),
        h('li', {}, h('strong', {}, 'Total: ' + money(c.cost.total)))) : h('p', { class: 'muted' }, 'Not priced yet.'),
      (s.error_logs || []).length ? h('div', {}, h('h3', {}, 'Errors'),
        h('ul', {}, s.error_logs.map((e) => h('li', {}, dateTime(e.time) + ': ' + e.message)))) : null);
    detail.querySelector('h2').focus();
    // the session lists only its latest switches: the chart gets all of them once they are read
    if ((s.switch_count || 0) > (s.failover_events || []).length) {
      sessionSwitches(api, s.session_id).then((switches) => {
        if (detail.dataset.session === s.session_id && shown.isConnected) {
          const full = chart(switches);
          shown.replaceWith(full);
          shown = full;
        }
      }).catch(() => { /* the chart keeps the latest switches */ });
    }
  }

  range.addEventListener('change', reload);
  draw();
  return null;
}
