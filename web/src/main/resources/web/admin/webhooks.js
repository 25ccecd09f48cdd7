// Alert webhooks (admins): the endpoints every alert change is POSTed to (signed with the webhook's
// secret, retried with backoff), each one's delivery log, add and delete. A webhook's URL often holds
// a token of its own, so the server answers it masked; the signing secret is shown once, at creation.
import { h, fill, field, problemBox, showProblem, clearProblem, announce } from '/assets/ui.js';
import { listPanel } from './list-panel.js';

/** The webhooks panel of the admin overview. */
export function webhooksPanel(api) {
  const box = problemBox();
  const list = h('ul', { class: 'plain', id: 'webhook-list' });
  const secret = h('div', { id: 'webhook-secret', class: 'notice', hidden: true, role: 'status' });
  const url = h('input', { id: 'webhook-url', name: 'url', type: 'url', required: true, placeholder: 'hooks.example.com/services/…',
    autocomplete: 'off' });
  const form = h('form', { id: 'webhook-form', novalidate: true },
    field('Webhook URL', url, 'HTTPS endpoint of your chat or paging tool; it receives every alert change as signed JSON.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'add-webhook' }, 'Add webhook')));
  const element = h('section', { class: 'panel', 'aria-labelledby': 'wh' },
    h('h2', { id: 'wh' }, 'Alert webhooks'), box, secret, list, form);

  const row = (w) => {
    const log = h('ul', { class: 'plain hint', 'data-role': 'deliveries', hidden: true });
    return h('li', { class: 'webhook-item', 'data-webhook-id': w.webhook_id },
      h('code', {}, w.url_masked), ' — added by ', w.created_by, ' ',
      h('button', { type: 'button', class: 'small', 'data-action': 'deliveries', onclick: () => showDeliveries(w, log) },
        'Delivery log'), ' ',
      h('button', { type: 'button', class: 'small danger', 'data-action': 'delete', onclick: () => remove(w) }, 'Delete'),
      log);
  };

  const { load, remove: removeItem } = listPanel(api, { box, list, path: '/api/alerts/webhooks', items: 'webhooks',
    row, empty: 'No webhooks: alerts show only here.' });
  const remove = (w) => removeItem({ question: 'Delete the webhook ' + w.url_masked + '? It receives no further alerts.',
    confirmLabel: 'Delete', itemPath: '/api/alerts/webhooks/' + encodeURIComponent(w.webhook_id), done: 'Webhook deleted' });

  const showDeliveries = async (w, log) => {
    clearProblem(box);
    try {
      const answer = await api.get('/api/alerts/webhooks/' + encodeURIComponent(w.webhook_id) + '/deliveries?limit=20');
      fill(log, ...(answer.deliveries.length ? answer.deliveries.map((d) => h('li', { 'data-outcome': d.outcome },
        new Date(d.time).toLocaleString() + ' — alert ' + d.alert_state + ', attempt ' + d.attempt + ': ' + d.outcome
          + (d.http_status ? ' (HTTP ' + d.http_status + ')' : '') + (d.error ? ' (' + d.error + ')' : '')))
        : [h('li', {}, 'Nothing delivered yet.')]));
      log.hidden = false;
    } catch (e) {
      showProblem(box, e);
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(box, form);
    secret.hidden = true;
    try {
      const created = await api.post('/api/alerts/webhooks', { url: url.value.trim() });
      url.value = '';
      fill(secret, h('strong', {}, 'Webhook added. '), 'Its signing secret is shown only now: ',
        h('code', { id: 'webhook-secret-value' }, created.secret),
        h('p', { class: 'hint' }, 'Check the Lunora-Signature header of each delivery with it (t=…,v1=HMAC-SHA256 of "t.body").'));
      secret.hidden = false;
      announce('Webhook added');
      await load();
    } catch (e) {
      showProblem(box, e, form);
    }
  });
  load();
  return { element };
}
