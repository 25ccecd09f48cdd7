// The viewer-admin app (/viewer-admin), for consumer admins: platform overview, the catalog (edit,
// feature), the moderation queue with its resolve actions, viewer accounts, subscriptions and
// analytics (categories, trending).
import { h, problemBox, showProblem, clearProblem, field, checkbox, openDialog, confirmAction, announce } from '/assets/ui.js';
import { bootViewer, LEVEL_LABELS, thumbnail } from '/watch/common.js';

const metric = (label, value, id) => h('div', { class: 'metric' }, h('span', { class: 'value', id }, value), label);
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

function table(id, headings, rows, empty) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.length ? rows : [h('tr', {}, h('td', { colspan: headings.length, class: 'muted' }, empty))])));
}

async function overview(main, { api }) {
  const box = problemBox();
  const metrics = h('div', { class: 'metrics', id: 'overview-metrics' });
  main.append(h('h1', { tabindex: '-1' }, 'Platform overview'), box,
    h('section', { class: 'panel', 'aria-labelledby': 'ov' }, h('h2', { id: 'ov' }, 'Today'), metrics),
    h('section', { class: 'panel', 'aria-labelledby': 'qa' }, h('h2', { id: 'qa' }, 'Quick actions'),
      h('div', { class: 'actions' }, [['/moderation', 'Moderation queue'], ['/catalog', 'Catalog'], ['/viewers', 'Viewer accounts'],
        ['/subscriptions', 'Subscriptions'], ['/analytics', 'Analytics']]
        .map(([p, label]) => h('a', { class: 'button', href: '/viewer-admin' + p, 'data-link': true }, label)))));
  try {
    const t = await api.get('/api/viewer-admin/analytics');
    metrics.replaceChildren(
      metric('Viewers', t.total_viewers, 'metric-viewers'), metric('Disabled viewers', t.disabled_viewers, 'metric-disabled'),
      metric('Live streams', t.live_streams, 'metric-live'), metric('Catalog entries', t.catalog_entries, 'metric-entries'),
      metric('Watch time today', Math.round(t.watch_time_today_seconds / 60) + ' min', 'metric-watch'),
      metric('Active today', t.viewers_active_today, 'metric-active'),
      metric('Premium / VIP', (t.active_subscriptions.premium || 0) + ' / ' + (t.active_subscriptions.vip || 0), 'metric-subs'),
      metric('Revenue this month (' + t.payment_provider + ')', '$' + (t.revenue_this_month_cents / 100).toFixed(2), 'metric-revenue'),
      metric('Pending reports', t.pending_reports, 'metric-reports'));
  } catch (e) {
    showProblem(box, e);
  }
}

async function catalog(main, { api }) {
  const box = problemBox();
  const body = h('div', {});
  main.append(h('h1', { tabindex: '-1' }, 'Catalog'), box,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', id: 'new-entry', onclick: () => edit(null) }, 'New entry')), body);
  async function load() {
    const entries = await api.get('/api/viewer-admin/catalog');
    body.replaceChildren(table('catalog-table', ['Picture', 'Title', 'Access', 'Category', 'State', 'Featured', 'Actions'],
      entries.map((e) => h('tr', { 'data-stream': e.stream_id },
        // the admin's picture, else the live thumbnail (what viewers see as thumbnail_url)
        h('td', {}, thumbnail(e.thumbnail_url || (e.is_live && !e.removed
          ? '/api/streams/' + encodeURIComponent(e.stream_id) + '/thumbnail' : null), e.title || e.stream_id, 'thumb thumb-small')),
        h('td', {}, e.title, h('div', { class: 'muted' }, e.stream_id)),
        h('td', {}, LEVEL_LABELS[e.access_level] || e.access_level), h('td', {}, e.category),
        h('td', {}, e.removed ? 'Removed by moderation' : e.is_live ? h('span', { class: 'badge badge-live' }, 'LIVE')
          : e.scheduled_start ? 'Scheduled ' + when(e.scheduled_start) : 'Offline'),
        h('td', {}, e.featured ? 'Yes' : 'No'),
        h('td', {}, h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'small', 'data-edit': e.stream_id, onclick: () => edit(e) }, 'Edit'),
          h('button', { type: 'button', class: 'small', 'data-feature': e.stream_id, onclick: () => feature(e) }, e.featured ? 'Unfeature' : 'Feature'),
          e.removed ? h('button', { type: 'button', class: 'small', onclick: () => restore(e) }, 'Restore') : null)))),
      'No catalog entries yet.'));
  }
  async function feature(e) {
    try {
      await api.put('/api/viewer-admin/catalog/' + encodeURIComponent(e.stream_id) + '/featured', { featured: !e.featured });
      announce(e.featured ? 'Unfeatured' : 'Featured');
      await load();
    } catch (err) {
      showProblem(box, err);
    }
  }
  async function restore(e) {
    try {
      await api.put('/api/viewer-admin/catalog/' + encodeURIComponent(e.stream_id) + '/restore');
      await load();
    } catch (err) {
      showProblem(box, err);
    }
  }
  function edit(e) {
    const err = problemBox();
    const form = h('form', { novalidate: true }, err,
      e ? null : field('Stream id (optional)', h('input', { id: 'entry-stream_id', name: 'stream_id', 'data-field': 'stream_id' })),
      field('Title', h('input', { id: 'entry-title', name: 'title', 'data-field': 'title', value: e?.title || '', maxlength: 120 })),
      field('Description', h('textarea', { id: 'entry-description', name: 'description', 'data-field': 'description', rows: 3, value: e?.description || '' })),
      field('Category', h('input', { id: 'entry-category', name: 'category', 'data-field': 'category', value: e?.category || '' })),
      field('Tags', h('input', { id: 'entry-tags', name: 'tags', 'data-field': 'tags', value: (e?.tags || []).join(', ') }), 'Comma separated'),
      field('Access level', h('select', { id: 'entry-access', name: 'access_level', 'data-field': 'access_level', value: e?.access_level || 'public' },
        Object.entries(LEVEL_LABELS).map(([v, l]) => h('option', { value: v }, l)))),
      field('Scheduled start (UTC, optional)', h('input', { id: 'entry-scheduled', name: 'scheduled_start', 'data-field': 'scheduled_start',
        value: e?.scheduled_start || '', placeholder: '2030-01-31T18:00:00Z' })),
      checkbox('entry-mature', 'Mature content', e?.mature));
    const save = h('button', { type: 'button', class: 'primary', id: 'entry-save' }, 'Save');
    const dialog = openDialog({ title: e ? 'Edit ' + e.title : 'New catalog entry', body: form,
      actions: [h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), save] });
    save.addEventListener('click', async () => {
      clearProblem(err, form);
      const v = (id) => form.querySelector('#' + id)?.value.trim();
      const request = { title: v('entry-title'), description: v('entry-description') || null, category: v('entry-category'),
        tags: v('entry-tags').split(',').map((t) => t.trim()).filter(Boolean), access_level: v('entry-access'),
        scheduled_start: v('entry-scheduled') || null, mature: form.querySelector('#entry-mature').checked,
        featured: e ? e.featured : false };
      try {
        if (e) {
          await api.put('/api/viewer-admin/catalog/' + encodeURIComponent(e.stream_id), { ...request, version: e.version });
        } else {
          await api.post('/api/viewer-admin/catalog', { ...request, stream_id: v('entry-stream_id') || null });
        }
        dialog.close();
        await load();
      } catch (x) {
        showProblem(err, x, form);
      }
    });
  }
  try {
    await load();
  } catch (e) {
    showProblem(box, e);
  }
}

async function moderation(main, { api }) {
  const box = problemBox();
  const filter = h('select', { id: 'report-filter' }, h('option', { value: 'pending' }, 'Pending'),
    h('option', { value: 'resolved' }, 'Resolved'), h('option', { value: 'all' }, 'All'));
  const body = h('div', { id: 'moderation-queue' });
  const done = h('p', { id: 'moderation-done', role: 'status', class: 'muted' });
  main.append(h('h1', { tabindex: '-1' }, 'Moderation queue'), box, field('Show', filter), done, body);
  filter.addEventListener('change', load);
  async function load() {
    try {
      const reports = await api.get('/api/viewer-admin/moderation?status=' + filter.value);
      body.replaceChildren(table('reports-table', ['Reported', 'Type', 'Details', 'Status', 'Actions'],
        reports.map((r) => h('tr', { 'data-report': r.report_id, 'data-stream': r.stream_id },
          h('td', {}, when(r.created_at)), h('td', {}, r.report_type + (r.message_id ? ' (chat message)' : ' (stream)')),
          h('td', {}, h('a', { href: '/player/?stream=' + encodeURIComponent(r.stream_id) }, r.stream_id),
            r.description ? h('div', {}, r.description) : null),
          h('td', {}, r.status === 'pending' ? 'Pending' : r.resolution + ' ' + when(r.resolved_at)),
          h('td', {}, r.status !== 'pending' ? null : h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'small', 'data-resolve': 'dismiss', onclick: () => resolve(r, 'dismiss') }, 'Dismiss'),
            h('button', { type: 'button', class: 'small danger', 'data-resolve': 'remove_content', onclick: () => resolve(r, 'remove_content') },
              r.message_id ? 'Remove message' : 'Remove stream'),
            r.reported_viewer_id ? h('button', { type: 'button', class: 'small danger', 'data-resolve': 'ban_viewer',
              onclick: () => resolve(r, 'ban_viewer') }, 'Ban author') : null)))),
        'The queue is empty.'));
    } catch (e) {
      showProblem(box, e);
    }
  }
  async function resolve(r, action) {
    if (action !== 'dismiss' && !await confirmAction(action === 'ban_viewer' ? 'Disable the author of this message?'
      : 'Remove the reported content for every viewer?', action === 'ban_viewer' ? 'Ban author' : 'Remove')) {
      return;
    }
    try {
      const resolved = await api.post('/api/viewer-admin/moderation/' + encodeURIComponent(r.report_id) + '/resolve', { action });
      done.textContent = 'Report resolved: ' + resolved.resolution;
      await load();
    } catch (e) {
      showProblem(box, e);
    }
  }
  await load();
}

async function viewers(main, { api }) {
  const box = problemBox();
  const q = h('input', { type: 'search', id: 'viewer-q', name: 'q', 'aria-label': 'Search viewers' });
  const body = h('div', {});
  const form = h('form', { class: 'row', role: 'search' }, q, h('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  main.append(h('h1', { tabindex: '-1' }, 'Viewer accounts'), box, form, body);
  async function load() {
    try {
      const page = await api.get('/api/viewer-admin/viewers?q=' + encodeURIComponent(q.value.trim()));
      body.replaceChildren(h('p', { class: 'muted' }, page.total + ' viewer(s)'),
        table('viewers-table', ['Viewer', 'Email', 'Plan', 'Joined', 'Status', ''], page.items.map((v) => h('tr', { 'data-viewer': v.viewer_id },
          h('td', {}, v.display_name || v.username, h('div', { class: 'muted' }, v.username)), h('td', {}, v.email || '—'),
          h('td', {}, v.subscription_type || 'free'), h('td', {}, when(v.created_at)), h('td', {}, v.disabled ? 'Disabled' : 'Active'),
          h('td', {}, h('button', { type: 'button', class: 'small', onclick: () => toggle(v) }, v.disabled ? 'Enable' : 'Disable')))),
        'No viewers match.'));
    } catch (e) {
      showProblem(box, e);
    }
  }
  async function toggle(v) {
    try {
      await api.put('/api/viewer-admin/viewers/' + encodeURIComponent(v.viewer_id) + '/disabled', { disabled: !v.disabled });
      await load();
    } catch (e) {
      showProblem(box, e);
    }
  }
  await load();
}

async function subscriptions(main, { api }) {
  const box = problemBox();
  const body = h('div', {});
  const form = h('form', { class: 'panel', novalidate: true, id: 'grant-form' }, h('h2', {}, 'Grant a plan (no payment)'),
    h('div', { class: 'grid2' },
      field('Viewer id', h('input', { id: 'grant-viewer', name: 'viewer_id', 'data-field': 'viewer_id' })),
      field('Plan', h('select', { id: 'grant-plan', name: 'plan', 'data-field': 'plan' }, h('option', { value: 'premium' }, 'Premium'), h('option', { value: 'vip' }, 'VIP'))),
      field('Days', h('input', { id: 'grant-days', name: 'days', type: 'number', min: 1, max: 366, value: '30', 'data-field': 'days' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'grant-save' }, 'Grant')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(box, form);
    try {
      await api.post('/api/viewer-admin/subscriptions', { viewer_id: form.querySelector('#grant-viewer').value.trim(),
        plan: form.querySelector('#grant-plan').value, days: Number(form.querySelector('#grant-days').value) });
      await load();
    } catch (x) {
      showProblem(box, x, form);
    }
  });
  main.append(h('h1', { tabindex: '-1' }, 'Subscriptions'), box, form, body);
  async function load() {
    try {
      const list = await api.get('/api/viewer-admin/subscriptions');
      const now = Date.now();
      body.replaceChildren(table('subscriptions-table', ['Viewer', 'Plan', 'Period', 'Payment', 'Renews', ''], list.map((s) => h('tr', {},
        h('td', {}, s.viewer_id), h('td', {}, s.subscription_type), h('td', {}, when(s.start_date) + ' – ' + when(s.end_date)),
        h('td', {}, s.payment_status + (s.provider ? ' (' + s.provider + ')' : '') + (s.amount_cents ? ' $' + (s.amount_cents / 100).toFixed(2) : '')),
        h('td', {}, s.auto_renew ? 'Yes' : 'No'),
        h('td', {}, Date.parse(s.end_date) > now ? h('button', { type: 'button', class: 'small', onclick: () => cancel(s) }, 'End now') : null))),
      'No subscriptions yet.'));
    } catch (e) {
      showProblem(box, e);
    }
  }
  async function cancel(s) {
    if (!await confirmAction('End this ' + s.subscription_type + ' period now? The viewer drops to the free tier at once.', 'End now')) {
      return;
    }
    try {
      await api.del('/api/viewer-admin/subscriptions/' + encodeURIComponent(s.subscription_id));
      await load();
    } catch (e) {
      showProblem(box, e);
    }
  }
  await load();
}

async function analytics(main, { api }) {
  const box = problemBox();
  main.append(h('h1', { tabindex: '-1' }, 'Analytics'), box);
  try {
    const [categories, trending] = await Promise.all([api.get('/api/viewer-admin/categories'), api.get('/api/analytics/trending?limit=10')]);
    main.append(
      h('section', { class: 'panel', 'aria-labelledby': 'cat-h' }, h('h2', { id: 'cat-h' }, 'Categories'),
        table('categories-table', ['Category', 'Entries', 'Live'], categories.map((c) => h('tr', {},
          h('td', {}, c.category), h('td', {}, c.stream_count), h('td', {}, c.live_count))), 'No categories yet.')),
      h('section', { class: 'panel', 'aria-labelledby': 'tr-h' }, h('h2', { id: 'tr-h' }, 'Trending (recent viewing sessions)'),
        table('trending-table', ['Stream', 'Recent views', 'Likes'], trending.map((t) => h('tr', {},
          h('td', {}, t.stream.title), h('td', {}, t.recent_views), h('td', {}, t.stream.like_count))), 'No viewing yet.')));
  } catch (e) {
    showProblem(box, e);
  }
}

bootViewer({
  app: 'viewer-admin', clientId: 'lunora-viewer-admin', title: 'Lunora Viewer Admin',
  nav: [['/', 'Overview'], ['/catalog', 'Catalog'], ['/moderation', 'Moderation'], ['/viewers', 'Viewers'],
    ['/subscriptions', 'Subscriptions'], ['/analytics', 'Analytics']],
  routes: { '/': overview, '/catalog': catalog, '/moderation': moderation, '/viewers': viewers, '/subscriptions': subscriptions,
    '/analytics': analytics },
  requireGroup: 'consumer-admins',
});
