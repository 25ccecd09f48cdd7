// User management: search, invite (the invitee gets a temporary password by mail), change role,
// reset password and/or MFA, disable and enable, one user or the selected ones at once (destructive
// actions are confirmed first); last sign-in per user; the list as CSV; the audit log of these actions.
import { h, field, checkbox, problemBox, showProblem, clearProblem, openDialog, confirmAction, announce, statusBadge } from '/assets/ui.js';
import { dateTime } from '/assets/format.js';

const ROLE = { operators: 'Operator', admins: 'Admin' };
const AUDIT_ACTION = { USER_INVITED: 'Invited', ROLE_CHANGED: 'Role changed', USER_DISABLED: 'Disabled',
  USER_ENABLED: 'Enabled', PASSWORD_RESET: 'Password reset', MFA_RESET: 'MFA reset',
  ORGANIZATION_CREATED: 'Organization created' };

export async function users(main, { api, auth }) {
  const box = problemBox();
  const search = h('input', { id: 'user-search', type: 'search', autocomplete: 'off', maxlength: 254,
    placeholder: 'name or e-mail', 'data-field': 'q' });
  const roleFilter = h('select', { id: 'user-role-filter', 'data-field': 'role', 'data-no-draft': 'true' },
    h('option', { value: '' }, 'All roles'), Object.entries(ROLE).map(([v, label]) => h('option', { value: v }, label)));
  const searchForm = h('form', { role: 'search', class: 'row', onsubmit: (e) => { e.preventDefault(); load(); } },
    field('Search by name or e-mail', search), field('Role', roleFilter), h('button', { type: 'submit', id: 'user-search-go' }, 'Search'));
  const body = h('tbody', { id: 'user-rows' });
  const me = auth.claims().sub;
  const outcome = h('p', { id: 'user-outcome', class: 'notice', role: 'status', hidden: true });
  const selected = new Set();
  const disableSelected = h('button', { type: 'button', class: 'danger', id: 'disable-selected', disabled: true,
    onclick: () => bulk('disable') }, 'Disable selected');
  const enableSelected = h('button', { type: 'button', id: 'enable-selected', disabled: true,
    onclick: () => bulk('enable') }, 'Enable selected');
  const exportCsv = h('button', { type: 'button', id: 'export-users', onclick: () => download() }, 'Download CSV');
  const auditBox = problemBox();
  const auditBody = h('tbody', { id: 'audit-rows' });
  let auditCursor = null;
  const auditMore = h('button', { type: 'button', id: 'audit-more', hidden: true, onclick: () => loadAudit(auditCursor) },
    'Show older entries');
  main.append(h('h1', { tabindex: '-1' }, 'User management'),
    h('p', { id: 'session-note', class: 'notice', role: 'status' }), box, outcome,
    h('section', { class: 'panel' },
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', id: 'invite-user', onclick: () => invite() }, '+ Invite user'),
        searchForm),
      h('div', { class: 'actions' }, disableSelected, enableSelected, exportCsv),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'skip' }, 'Users of your organization'),
        h('thead', {}, h('tr', {}, ['Select', 'Username', 'Email', 'Role', 'Status', 'Last sign-in', 'Created', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
        body)),
      h('p', { class: 'hint' }, 'Operator: stream configuration and control only. Admin: full system access and user management.')),
    h('section', { class: 'panel', 'aria-labelledby': 'audit-title' },
      h('h2', { id: 'audit-title' }, 'Audit log'), auditBox,
      h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'skip' }, 'Administrative actions on users, newest first'),
        h('thead', {}, h('tr', {}, ['When', 'Admin', 'Action', 'User', 'Details', 'From'].map((c) => h('th', { scope: 'col' }, c)))),
        auditBody)),
      auditMore));

  function searchQuery() {
    const query = new URLSearchParams();
    if (search.value.trim()) {
      query.set('q', search.value.trim());
    }
    if (roleFilter.value) {
      query.set('role', roleFilter.value);
    }
    return query.size ? '?' + query : '';
  }

  async function load() {
    clearProblem(box, searchForm);
    selected.clear();
    updateBulk();
    try {
      const list = await api.get('/api/users' + searchQuery());
      body.replaceChildren(...list.map(row));
      if (!list.length) {
        body.append(h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No users found.')));
      }
    } catch (e) {
      showProblem(box, e, searchForm);
    }
    await loadAudit(null);
  }

  /** The newest entries (cursor null) or the page after cursor, appended. */
  async function loadAudit(cursor) {
    clearProblem(auditBox);
    try {
      const page = await api.get('/api/users/audit?limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      const rows = page.entries.map(auditRow);
      if (cursor) {
        auditBody.append(...rows);
      } else {
        auditBody.replaceChildren(...rows);
      }
      if (!auditBody.children.length) {
        auditBody.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No administrative actions yet.')));
      }
      auditCursor = page.next || null;
      auditMore.hidden = !auditCursor;
    } catch (e) {
      showProblem(auditBox, e);
    }
  }

  function updateBulk() {
    disableSelected.disabled = enableSelected.disabled = selected.size === 0;
    disableSelected.textContent = 'Disable selected' + (selected.size ? ' (' + selected.size + ')' : '');
    enableSelected.textContent = 'Enable selected' + (selected.size ? ' (' + selected.size + ')' : '');
  }

  /** Disables or enables every selected user; the server changes all of them or none. */
  async function bulk(action) {
    const count = selected.size;
    if (action === 'disable' && !(await confirmAction('Disable ' + count + ' users? They can no longer sign in.', 'Disable ' + count))) {
      return;
    }
    try {
      await api.post('/api/users/bulk', { action, user_ids: [...selected] });
      announce(count + ' users ' + (action === 'disable' ? 'disabled' : 'enabled'));
      load();
    } catch (e) {
      showProblem(box, e);
    }
  }

  /** The searched users as a CSV file, made from the server's answer. */
  async function download() {
    try {
      const blob = await api.file('/api/users/export' + searchQuery(), 'text/csv');
      const link = h('a', { href: URL.createObjectURL(blob), download: 'lunora-users.csv', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      showProblem(box, e);
    }
  }

  function auditRow(e) {
    return h('tr', { 'data-audit-action': e.action, 'data-audit-target': e.target_username || '' },
      h('td', {}, dateTime(e.at)), h('td', {}, e.actor_username || e.actor_id || '—'),
      h('td', {}, AUDIT_ACTION[e.action] || e.action), h('td', {}, e.target_username || e.target_id || '—'),
      h('td', {}, e.detail || ''), h('td', {}, e.address || '—'));
  }

  function row(u) {
    const role = h('select', { id: 'role-' + u.id, 'aria-label': 'Role of ' + u.username, 'data-no-draft': 'true',
      disabled: u.id === me, value: u.group },
      Object.entries(ROLE).map(([v, label]) => h('option', { value: v }, label)));
    role.addEventListener('change', async () => {
      const to = role.value;
      if (!(await confirmAction('Make ' + u.username + ' ' + (to === 'admins' ? 'an admin' : 'an operator') + '?', 'Change role'))) {
        role.value = u.group;
        return;
      }
      try {
        await api.put('/api/users/' + encodeURIComponent(u.id), { group: to });
        announce(u.username + ' is now ' + ROLE[to]);
        load();
      } catch (e) {
        role.value = u.group;
        showProblem(box, e);
      }
    });
    const toggle = h('button', { type: 'button', class: u.enabled ? 'small danger' : 'small', disabled: u.id === me,
      'data-user-toggle': u.username }, u.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', async () => {
      if (u.enabled && !(await confirmAction('Disable ' + u.username + '? They can no longer sign in.', 'Disable'))) {
        return;
      }
      try {
        await api.post('/api/users/' + encodeURIComponent(u.id) + (u.enabled ? '/disable' : '/enable'));
        announce(u.username + (u.enabled ? ' disabled' : ' enabled'));
        load();
      } catch (e) {
        showProblem(box, e);
      }
    });
    const state = !u.enabled ? 'disabled' : u.locked ? 'locked' : u.status === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active';
    const pick = h('input', { type: 'checkbox', 'aria-label': 'Select ' + u.username, 'data-user-select': u.username,
      disabled: u.id === me });
    pick.addEventListener('change', () => {
      if (pick.checked) {
        selected.add(u.id);
      } else {
        selected.delete(u.id);
      }
      updateBulk();
    });
    return h('tr', { 'data-user': u.username },
      h('td', {}, pick), h('td', {}, u.username), h('td', {}, u.email), h('td', {}, role),
      h('td', {}, statusBadge(state)),
      h('td', { 'data-last-sign-in': u.last_sign_in_at || '' }, u.last_sign_in_at ? dateTime(u.last_sign_in_at) : 'Never'),
      h('td', {}, dateTime(u.created_at)),
      h('td', { class: 'row' }, resetButton(u), toggle));
  }

  function resetButton(u) {
    return h('button', { type: 'button', class: 'small', disabled: u.id === me, 'data-user-reset': u.username,
      onclick: () => reset(u) }, 'Reset');
  }

  /** Asks what to reset; the user gets a temporary password by mail and/or enrols MFA again at the next sign-in. */
  function reset(u) {
    const form = h('form', { id: 'reset-form', novalidate: true });
    const resetBox = problemBox();
    form.append(resetBox,
      h('p', {}, 'Reset ' + u.username + '? They are signed out everywhere.'),
      checkbox('reset-password', 'Password: a temporary password is mailed to ' + u.email, true),
      checkbox('reset-mfa', 'MFA: the authenticator is enrolled again at the next sign-in', false));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(resetBox, form);
      const password = form.querySelector('#reset-password').checked;
      const mfa = form.querySelector('#reset-mfa').checked;
      try {
        await api.post('/api/users/' + encodeURIComponent(u.id) + '/reset', { password, mfa });
        dialog.close();
        const done = [password ? 'a temporary password was mailed to ' + u.email : null,
          mfa ? 'MFA is enrolled again at the next sign-in' : null].filter(Boolean).join('; ');
        outcome.textContent = u.username + ' reset: ' + done + '.';
        outcome.hidden = false;
        announce(outcome.textContent);
        load();
      } catch (err) {
        showProblem(resetBox, err, form);
      }
    });
    const dialog = openDialog({ title: 'Reset ' + u.username, body: form, actions: [
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      h('button', { type: 'submit', class: 'danger', form: 'reset-form', id: 'reset-confirm' }, 'Reset')] });
    return dialog;
  }

  function invite() {
    const form = h('form', { id: 'invite-form', novalidate: true });
    const inviteBox = problemBox();
    const username = h('input', { id: 'invite-username', type: 'text', required: true, autocomplete: 'off', 'data-field': 'username' });
    const email = h('input', { id: 'invite-email', type: 'email', required: true, autocomplete: 'off', 'data-field': 'email' });
    const group = h('select', { id: 'invite-group', 'data-field': 'group' },
      Object.entries(ROLE).map(([v, label]) => h('option', { value: v }, label)));
    form.append(inviteBox, field('Username', username), field('Email', email, 'The temporary password is sent to this address.'),
      field('Role', group));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(inviteBox, form);
      try {
        const created = await api.post('/api/users', { username: username.value.trim(), email: email.value.trim(), group: group.value });
        announce(created.username + ' invited');
        dialog.close();
        load();
      } catch (err) {
        showProblem(inviteBox, err, form);
      }
    });
    const dialog = openDialog({ title: 'Invite user', body: form, reopen: 'invite', actions: [
      h('button', { type: 'submit', class: 'primary', form: 'invite-form', id: 'invite-send' }, 'Send invitation'),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')] });
    return dialog;
  }

  await load();
  return { reopen: (name) => (name === 'invite' ? invite() : null) };
}
