// The monthly budget (admins): its amount and the shares of it whose crossing raises a cost alert
// (once per threshold and month, to the alert centre, e-mail and webhooks). The costs it is measured
// against are the server's (/api/costs), the same figures on every screen.
import { h, field, problemBox, showProblem, clearProblem, announce } from '/assets/ui.js';
import { money } from '/assets/format.js';

/** The budget form; onSaved(budget) runs after a save, so that the page can show the new share. */
export function budgetPanel(api, onSaved) {
  const box = problemBox();
  const amount = h('input', { id: 'budget-amount', name: 'monthly_amount_usd', type: 'number', min: '0.01',
    step: '0.01', required: true, inputmode: 'decimal' });
  const thresholds = h('input', { id: 'budget-thresholds', name: 'thresholds', type: 'text', required: true,
    placeholder: '50, 80, 100' });
  const outcome = h('p', { id: 'budget-outcome', class: 'muted', 'aria-live': 'polite' });
  const form = h('form', { id: 'budget-form', novalidate: true },
    field('Monthly budget (USD)', amount),
    field('Alert at (% of the budget)', thresholds, 'Comma-separated percentages from 1 to 200; one cost alert each per month.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'save-budget' }, 'Save budget')),
    outcome);
  const element = h('section', { class: 'panel', 'aria-labelledby': 'bt' }, h('h2', { id: 'bt' }, 'Budget'), box, form);
  let version = 0;

  const show = (b) => {
    version = b.version;
    amount.value = b.monthly_amount_usd;
    thresholds.value = b.thresholds.join(', ');
    outcome.textContent = b.updated_by ? 'Set to ' + money(b.monthly_amount_usd) + ' by ' + b.updated_by + '.'
      : 'Default budget: no admin has set one yet.';
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(box, form);
    const percentages = thresholds.value.split(',').map((t) => t.trim()).filter((t) => t !== '').map(Number);
    try {
      const saved = await api.put('/api/costs/budget', {
        monthly_amount_usd: amount.value === '' ? null : Number(amount.value), thresholds: percentages, version });
      show(saved);
      announce('Budget saved');
      onSaved?.(saved);
    } catch (e) {
      showProblem(box, e, form);
    }
  });
  api.get('/api/costs/budget').then(show).catch((e) => showProblem(box, e));
  return { element };
}
