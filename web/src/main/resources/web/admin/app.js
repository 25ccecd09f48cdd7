// The admin app (/admin): overview, users, sources, presets, destinations, live dashboard,
// recordings, analytics with session history; organizations for the platform admins. Administrators only; an
// operator is sent to /stream.
import { boot } from '/assets/shell.js';
import { h, statusBadge, problemBox, showProblem } from '/assets/ui.js';
import { mbps, money } from '/assets/format.js';
import { subscribeLive, isOpen } from '/assets/live.js';
import { livePanel } from '/assets/live-panel.js';
import { users } from './users.js';
import { sources } from './sources.js';
import { presets } from './presets.js';
import { destinations } from './destinations.js';
import { history } from './history.js';
import { recordings } from './recordings.js';
import { alertCentre } from '/assets/alert-centre.js';
import { webhooksPanel } from './webhooks.js';
import { organizationsPanel } from './organizations.js';
import { alertMailPanel } from './alert-mail.js';

async function overview(main, { api, auth }) {
  const box = problemBox();
  const status = h('ul', { class: 'plain', id: 'system-status' });
  const metrics = h('div', { class: 'metrics', id: 'overview-metrics' });
  const alerts = alertCentre(api, auth);
  const organizations = organizationsPanel(api, auth);
  main.append(h('h1', { tabindex: '-1' }, 'System overview'), box,
    h('div', { class: 'grid2' },
      h('section', { class: 'panel', 'aria-labelledby': 'st' }, h('h2', { id: 'st' }, 'System status'), status),
      h('section', { class: 'panel', 'aria-labelledby': 'mt' }, h('h2', { id: 'mt' }, 'Activity'), metrics)),
    h('section', { class: 'panel', 'aria-labelledby': 'qa' }, h('h2', { id: 'qa' }, 'Quick actions'),
      h('div', { class: 'actions' },
        [['/users', 'Manage users'], ['/sources', 'Source configuration'], ['/presets', 'Presets'],
          ['/destinations', 'Destinations'], ['/live', 'Live dashboard'], ['/analytics', 'Analytics & costs']]
          .map(([path, label]) => h('a', { class: 'button', href: '/admin' + path, 'data-link': true }, label)))),
    alerts.element, webhooksPanel(api).element, alertMailPanel(api).element,
    ...(organizations ? [organizations.element] : []));

  const metric = (label, value, id) => h('div', { class: 'metric' }, h('span', { class: 'value', id }, value), label);
  const [health, people, sessions, costs] = await Promise.allSettled([api.get('/api/health/overall'),
    api.get('/api/users'), api.get('/api/streaming/sessions'), api.get('/api/costs')]);
  if (health.status === 'fulfilled') {
    const o = health.value;
    status.replaceChildren(
      h('li', {}, 'Media engine: ', statusBadge(o.medialive.status)),
      h('li', {}, 'Sources: ', statusBadge(o.sources.status), ' ', o.sources.inputs.filter((i) => i.connected).length + '/' + o.sources.inputs.length + ' connected'),
      h('li', {}, 'Destinations: ', statusBadge(o.destinations.status), ' ', o.destinations.live + '/' + o.destinations.total + ' live'));
  } else {
    showProblem(box, health.reason);
  }
  const list = sessions.status === 'fulfilled' ? sessions.value : [];
  // the month's cost as the server prices it (/api/costs), the figure analytics shows too
  const month = costs.status === 'fulfilled' ? costs.value.month : null;
  const open = list.filter(isOpen);
  metrics.replaceChildren(
    metric('Users', people.status === 'fulfilled' ? people.value.length : '—', 'metric-users'),
    metric('Live sessions', open.length, 'metric-live'),
    metric('Bandwidth', mbps(open.reduce((s, x) => s + (x.bandwidth_kbps || 0), 0)), 'metric-bandwidth'),
    metric('Streaming costs this month' + (month && month.share_used !== null ? ' (' + Math.round(month.share_used) + '% of budget)' : ''),
      month ? money(month.total) : '—', 'metric-cost'));
  return { dispose: alerts.dispose };
}

async function live(main, { api, auth }) {
  const panel = livePanel(api, { setupHref: '/admin/destinations' });
  main.append(h('h1', { tabindex: '-1' }, 'Live streaming dashboard'), panel.element);
  const stop = subscribeLive(auth, panel.update);
  return { dispose: () => { stop(); panel.dispose(); } };
}

boot({
  app: 'admin', clientId: 'lunora-admin', title: 'Lunora Admin',
  nav: [['/', 'Overview'], ['/users', 'Users'], ['/sources', 'Sources'], ['/presets', 'Presets'],
    ['/destinations', 'Destinations'], ['/live', 'Live'], ['/recordings', 'Recordings'], ['/analytics', 'Analytics']],
  routes: { '/': overview, '/users': users, '/sources': sources, '/presets': presets, '/destinations': destinations,
    '/live': live, '/recordings': recordings, '/analytics': history },
  allowed: (groups) => groups.includes('admins'),
  elsewhere: () => '/stream/',
});
