// The alert centre of the admin overview and of the operator's live control: the alerts the caller
// may see, grouped (one per condition, with its count), newest first, their severity and state, and
// Acknowledge; kept current by the live event stream's `alert` events (/api/streaming/events).
import { h, fill, problemBox, showProblem, clearProblem, announce } from '/assets/ui.js';
import { subscribeEvents } from '/assets/live.js';

const KINDS = {
  source_lost: 'Source lost', destination_disconnected: 'Destination disconnected',
  encoder_behind_real_time: 'Encoder behind real time', failover_succeeded: 'Failover succeeded',
  session_completed: 'Session completed', budget_threshold_crossed: 'Budget threshold reached',
};

/** The alert centre panel; dispose() ends its live updates. */
export function alertCentre(api, auth) {
  const box = problemBox();
  const filter = h('select', { id: 'alert-state-filter', 'aria-label': 'Show alerts' },
    h('option', { value: '' }, 'All alerts'), h('option', { value: 'open' }, 'Open'),
    h('option', { value: 'acknowledged' }, 'Acknowledged'), h('option', { value: 'resolved' }, 'Resolved'));
  const list = h('ul', { class: 'plain alert-list', id: 'alert-centre' });
  const alerts = new Map();
  const element = h('section', { class: 'panel', 'aria-labelledby': 'ac' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'ac' }, 'Alert centre'), filter), box, list);

  const render = () => {
    const shown = [...alerts.values()].filter((a) => !filter.value || a.state === filter.value)
      .sort((a, b) => b.alert_id.localeCompare(a.alert_id)).slice(0, 20);
    fill(list, ...(shown.length ? shown.map(item) : [h('li', { class: 'muted' }, 'No alerts.')]));
  };

  const item = (a) => h('li', { class: 'alert-item', 'data-alert-id': a.alert_id, 'data-state': a.state },
    h('span', { class: 'badge badge-' + a.severity }, a.severity), ' ',
    h('strong', {}, KINDS[a.kind] || a.kind), ' · ', a.source,
    a.count > 1 ? h('span', { class: 'alert-count', title: 'occurrences' }, ' ×' + a.count) : null, ' ',
    h('span', { class: 'badge badge-' + a.state, 'data-role': 'state' }, a.state),
    h('div', { class: 'hint' }, a.message + ' — last ' + new Date(a.last_seen).toLocaleString()
      + (a.acknowledged_by ? ' — acknowledged by ' + a.acknowledged_by : '')),
    a.state === 'open' ? h('button', { type: 'button', class: 'small', onclick: () => acknowledge(a) },
      'Acknowledge') : null);

  const acknowledge = async (a) => {
    clearProblem(box);
    try {
      const changed = await api.post('/api/alerts/' + encodeURIComponent(a.alert_id) + '/acknowledge');
      alerts.set(changed.alert_id, changed);
      render();
      announce('Alert acknowledged');
    } catch (e) {
      showProblem(box, e);
    }
  };

  filter.addEventListener('change', render);
  (async () => {
    try {
      const page = await api.get('/api/alerts?limit=50');
      page.alerts.forEach((a) => alerts.set(a.alert_id, a));
      render();
    } catch (e) {
      showProblem(box, e);
    }
  })();
  const stop = subscribeEvents(auth, '/api/streaming/events', (event, data) => {
    if (event === 'alert' && data.alert_id) {
      alerts.set(data.alert_id, data);
      render();
    }
  });
  return { element, dispose: stop };
}
