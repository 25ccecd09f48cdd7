// Organizations (platform admins only: the admins of the platform's own organization, whose access
// token carries the scope "platform"): the list, and a new organization with its first admin, who
// gets a temporary password by mail and chooses a password and MFA at the first sign-in.
import { h, fill, field, problemBox, showProblem, clearProblem, announce } from '/assets/ui.js';
import { dateTime } from '/assets/format.js';

/** Whether the signed-in admin administers the platform (local issuer: platform; Cognito: lunora/platform). */
export function isPlatformAdmin(auth) {
  const scopes = String(auth.claims()?.scope || '').split(' ');
  return scopes.includes('platform') || scopes.includes('lunora/platform');
}

/** The organizations panel of the admin overview; null for an admin who is no platform admin. */
export function organizationsPanel(api, auth) {
  if (!isPlatformAdmin(auth)) {
    return null;
  }
  const box = problemBox();
  const outcome = h('p', { id: 'organization-outcome', class: 'notice', role: 'status', hidden: true });
  const body = h('tbody', { id: 'organization-rows' });
  const input = (id, type, name) => h('input', { id, type, required: true, autocomplete: 'off', 'data-field': name });
  const id = input('organization-id', 'text', 'id');
  id.setAttribute('pattern', '[a-z0-9][a-z0-9-]{1,30}[a-z0-9]');
  const name = input('organization-name', 'text', 'name');
  name.setAttribute('maxlength', '100');
  const adminUsername = input('organization-admin-username', 'text', 'admin_username');
  const adminEmail = input('organization-admin-email', 'email', 'admin_email');
  const form = h('form', { id: 'organization-form', novalidate: true },
    field('Organization id', id, '3 to 32 lower-case letters, digits or inner hyphens; part of resource names, fixed for good.'),
    field('Name', name),
    field('First admin\u2019s user name', adminUsername),
    field('First admin\u2019s e-mail', adminEmail, 'The temporary password is sent to this address.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'create-organization' },
      'Create organization')));
  const element = h('section', { class: 'panel', 'aria-labelledby': 'orgs', id: 'organizations' },
    h('h2', { id: 'orgs' }, 'Organizations'), box, outcome,
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'skip' }, 'Organizations of the platform'),
      h('thead', {}, h('tr', {}, ['Id', 'Name', 'Created'].map((c) => h('th', { scope: 'col' }, c)))),
      body)),
    h('h3', {}, 'New organization'), form);

  const load = async () => {
    try {
      const list = await api.get('/api/organizations');
      fill(body, ...list.map((o) => h('tr', { 'data-organization': o.id },
        h('td', {}, h('code', {}, o.id)), h('td', {}, o.name), h('td', {}, o.created_at ? dateTime(o.created_at) : '—'))));
    } catch (e) {
      showProblem(box, e);
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(box, form);
    outcome.hidden = true;
    try {
      const created = await api.post('/api/organizations', { id: id.value.trim(), name: name.value.trim(),
        admin_username: adminUsername.value.trim(), admin_email: adminEmail.value.trim() });
      outcome.textContent = 'Organization ' + created.id + ' created; its first admin ' + adminUsername.value.trim()
        + ' was invited by mail to ' + adminEmail.value.trim() + '.';
      outcome.hidden = false;
      announce(outcome.textContent);
      form.reset();
      await load();
    } catch (e) {
      showProblem(box, e, form);
    }
  });
  load();
  return { element };
}
