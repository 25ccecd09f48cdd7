// The profile and settings screen (/watch/profile): display name and region, viewing preferences,
// parental controls (they filter the catalog), the subscription, data export and account deletion.
import { h, problemBox, showProblem, clearProblem, field, checkbox, confirmAction, download, announce } from '/assets/ui.js';

const QUALITIES = [['auto', 'Automatic'], ['standard', 'Standard (480p)'], ['high', 'High (720p)'], ['ultra', 'Ultra (1080p)']];

export async function profile(main, { api }) {
  const box = problemBox();
  main.append(h('h1', { tabindex: '-1' }, 'Profile and settings'), box);
  let me;
  try {
    me = await api.get('/api/viewers/profile');
  } catch (e) {
    showProblem(box, e);
    return;
  }
  const p = me.viewing_preferences;
  const pc = me.parental_controls;
  const saved = h('p', { id: 'profile-saved', role: 'status', class: 'muted' });
  const form = h('form', { id: 'profile-form', novalidate: true },
    h('section', { class: 'panel', 'aria-labelledby': 'acc-h' }, h('h2', { id: 'acc-h' }, 'Account'),
      h('p', {}, 'Username: ', h('strong', {}, me.username), ' · Email: ', me.email || '—', ' · Member since ',
        me.member_since ? new Date(me.member_since).toLocaleDateString() : '—'),
      h('div', { class: 'grid2' },
        field('Display name', h('input', { id: 'display_name', name: 'display_name', value: me.display_name || me.username, maxlength: 50 })),
        field('Region', h('input', { id: 'region', name: 'region', value: me.region || 'unknown', maxlength: 7 }), 'Country code such as US, or unknown'))),
    h('section', { class: 'panel', 'aria-labelledby': 'pref-h' }, h('h2', { id: 'pref-h' }, 'Viewing preferences'),
      h('div', { class: 'grid2' },
        field('Default quality', h('select', { id: 'default_quality', name: 'default_quality', value: p.default_quality,
          'data-field': 'viewing_preferences.default_quality' }, QUALITIES.map(([v, l]) => h('option', { value: v }, l)))),
        field('Language', h('input', { id: 'language', name: 'language', value: p.language, 'data-field': 'viewing_preferences.language' })),
        field('Profile visibility', h('select', { id: 'profile_visibility', name: 'profile_visibility', value: p.profile_visibility },
          h('option', { value: 'public' }, 'Public'), h('option', { value: 'private' }, 'Private')))),
      checkbox('autoplay', 'Autoplay', p.autoplay), checkbox('notifications', 'Notifications', p.notifications),
      checkbox('save_history', 'Keep my viewing history', p.save_history)),
    h('section', { class: 'panel', 'aria-labelledby': 'pc-h' }, h('h2', { id: 'pc-h' }, 'Parental controls'),
      checkbox('pc_enabled', 'Parental controls on', pc.enabled), checkbox('hide_mature', 'Hide mature content', pc.hide_mature),
      field('Blocked categories', h('input', { id: 'blocked_categories', name: 'blocked_categories',
        value: (pc.blocked_categories || []).join(', '), 'data-field': 'parental_controls.blocked_categories' }), 'Comma separated category names')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'save-profile' }, 'Save'), saved));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(box, form);
    const value = (id) => form.querySelector('#' + id);
    try {
      me = await api.put('/api/viewers/profile', {
        display_name: value('display_name').value.trim(), region: value('region').value.trim(),
        viewing_preferences: { default_quality: value('default_quality').value, language: value('language').value.trim(),
          autoplay: value('autoplay').checked, notifications: value('notifications').checked,
          profile_visibility: value('profile_visibility').value, save_history: value('save_history').checked },
        parental_controls: { enabled: value('pc_enabled').checked, hide_mature: value('hide_mature').checked,
          blocked_categories: value('blocked_categories').value.split(',').map((c) => c.trim()).filter(Boolean) },
      });
      saved.textContent = 'Saved';
      announce('Profile saved');
    } catch (err) {
      showProblem(box, err, form);
    }
  });

  const exportButton = h('button', { type: 'button', id: 'export-data' }, 'Download my data (JSON)');
  exportButton.addEventListener('click', async () => {
    try {
      download('lunora-viewer-data.json', JSON.stringify(await api.get('/api/viewers/export'), null, 2));
      announce('Your data was downloaded');
    } catch (err) {
      showProblem(box, err);
    }
  });
  const receipt = h('div', { id: 'deletion-receipt' });
  const deleteButton = h('button', { type: 'button', class: 'danger', id: 'delete-account' }, 'Delete my account');
  deleteButton.addEventListener('click', async () => {
    if (!await confirmAction('Delete your viewer account? Your profile, library, history, chat messages and subscriptions '
        + 'are removed. This cannot be undone.', 'Delete account')) {
      return;
    }
    try {
      const r = await api.del('/api/viewers/account');
      sessionStorage.removeItem('lunora.watch.tokens');
      receipt.replaceChildren(h('div', { class: 'notice', role: 'status' }, h('strong', {}, 'Your account was deleted.'),
        h('ul', {}, Object.entries(r.deleted || {}).map(([what, n]) => h('li', {}, what + ': ' + n + ' removed'))),
        (r.kept || []).length ? h('p', {}, 'Kept:') : null,
        h('ul', {}, (r.kept || []).map((k) => h('li', {}, k.what + ' (' + k.count + '): ' + k.why))),
        r.sign_in_account ? h('p', {}, r.sign_in_account) : null));
      form.remove();
      deleteButton.disabled = true;
      exportButton.disabled = true;
    } catch (err) {
      showProblem(box, err);
    }
  });

  main.append(form,
    h('section', { class: 'panel', 'aria-labelledby': 'sub-h' }, h('h2', { id: 'sub-h' }, 'Subscription'),
      h('p', { id: 'subscription-summary' }, 'Plan: ', h('strong', {}, me.subscription_type),
        me.subscription_expires ? ' until ' + new Date(me.subscription_expires).toLocaleDateString() : '',
        me.subscription_expires ? (me.auto_renew ? ' (renews automatically)' : ' (does not renew)') : '',
        ' · payment provider: ', h('code', {}, me.payment_provider || 'local-test'), ' (local test provider: no money moves)'),
      h('a', { class: 'button', href: '/watch/upgrade', 'data-link': true }, 'Change plan')),
    h('section', { class: 'panel', 'aria-labelledby': 'data-h' }, h('h2', { id: 'data-h' }, 'Your data'),
      h('div', { class: 'actions' }, exportButton, deleteButton), receipt));
}
