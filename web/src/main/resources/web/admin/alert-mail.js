// Alert e-mail (admins): who is mailed which alerts. Each recipient gets the alerts at least as
// urgent as its minimum severity (critical > warning > cost > info), when a group of alerts opens
// and as a reminder while it stays open; add and remove.
import { h, field, problemBox, showProblem, clearProblem, announce } from '/assets/ui.js';
import { listPanel } from './list-panel.js';

const SEVERITIES = [['critical', 'Critical only'], ['warning', 'Warning and above'],
  ['cost', 'Cost and above'], ['info', 'Everything (info and above)']];

/** The alert e-mail panel of the admin overview. */
export function alertMailPanel(api) {
  const box = problemBox();
  const list = h('ul', { class: 'plain', id: 'alert-recipient-list' });
  const email = h('input', { id: 'alert-recipient-email', name: 'email', type: 'email', required: true,
    placeholder: 'oncall@example.com', autocomplete: 'off' });
  const severity = h('select', { id: 'alert-recipient-severity', name: 'minimum_severity', value: 'critical' },
    SEVERITIES.map(([value, label]) => h('option', { value }, label)));
  const form = h('form', { id: 'alert-recipient-form', novalidate: true },
    field('E-mail address', email, 'Receives one mail when an alert opens, and a reminder while it stays open.'),
    field('Minimum severity', severity),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'add-alert-recipient' },
      'Add recipient')));
  const element = h('section', { class: 'panel', 'aria-labelledby': 'am' },
    h('h2', { id: 'am' }, 'Alert e-mail'), box, list, form);

  const label = (value) => (SEVERITIES.find(([v]) => v === value) || [value, value])[1];
  const row = (r) => h('li', { class: 'alert-recipient', 'data-recipient-id': r.recipient_id },
    h('strong', {}, r.email), ' — ', label(r.minimum_severity),
    r.kinds.length ? ' (' + r.kinds.join(', ') + ')' : null, ', added by ', r.created_by, ' ',
    h('button', { type: 'button', class: 'small danger', 'data-action': 'delete', onclick: () => remove(r) }, 'Remove'));
  const { load, remove: removeItem } = listPanel(api, { box, list, path: '/api/alerts/recipients', items: 'recipients',
    row, empty: 'No recipients: alerts are not mailed.' });
  const remove = (r) => removeItem({ question: 'Stop mailing alerts to ' + r.email + '?', confirmLabel: 'Remove',
    itemPath: '/api/alerts/recipients/' + encodeURIComponent(r.recipient_id), done: 'Recipient removed' });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(box, form);
    try {
      await api.post('/api/alerts/recipients', { email: email.value.trim(), minimum_severity: severity.value });
      email.value = '';
      announce('Recipient added');
      await load();
    } catch (e) {
      showProblem(box, e, form);
    }
  });
  load();
  return { element };
}
