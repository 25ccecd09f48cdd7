// The viewer portal (/watch): live now, featured, recommended, categories, search with filters,
// the library (history, saved, favorites), the upgrade screen and the profile (/watch/profile).
// Browsing is open to everyone; the library, upgrade and profile need a signed-in viewer.
import { h, problemBox, showProblem, field } from '/assets/ui.js';
import { bootViewer, streamList, LEVEL_LABELS } from './common.js';
import { profile } from './profile.js';

async function home(main, { api, claims }) {
  const box = problemBox();
  const live = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const featured = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const recommended = h('div', {});
  main.append(h('h1', { tabindex: '-1' }, claims ? 'Welcome back, ' + claims.username : 'Watch live on Lunora'), box,
    quickSearch(),
    h('section', { class: 'panel', 'aria-labelledby': 'live-now' }, h('h2', { id: 'live-now' }, 'Live now'), live),
    h('section', { class: 'panel', 'aria-labelledby': 'featured-h' }, h('h2', { id: 'featured-h' }, 'Featured'), featured),
    claims ? h('section', { class: 'panel', 'aria-labelledby': 'rec-h' }, h('h2', { id: 'rec-h' }, 'Recommended for you'), recommended) : '');
  const [l, f, r] = await Promise.allSettled([api.get('/api/streams/live?size=24'), api.get('/api/streams/featured?size=12'),
    claims ? api.get('/api/analytics/recommendations?limit=8') : Promise.resolve([])]);
  live.replaceChildren(l.status === 'fulfilled' ? streamList(l.value.items, 'Nothing is live right now.', 'live-list') : '');
  featured.replaceChildren(f.status === 'fulfilled' ? streamList(f.value.items, 'Nothing is featured yet.', 'featured-list') : '');
  if (r.status === 'fulfilled') {
    recommended.replaceChildren(streamList(r.value.map((x) => x.stream), 'Watch something to get recommendations.', 'recommended-list'));
  }
  const failed = [l, f, r].find((x) => x.status === 'rejected');
  if (failed) {
    showProblem(box, failed.reason);
  }
}

function quickSearch() {
  const q = h('input', { type: 'search', id: 'quick-q', name: 'q', 'aria-label': 'Search streams', placeholder: 'Search streams' });
  return h('form', { class: 'row panel', role: 'search', action: '/watch/search', method: 'get' }, q,
    h('button', { type: 'submit', class: 'primary', id: 'quick-search' }, 'Search'));
}

async function search(main, { api }) {
  const params = new URLSearchParams(location.search);
  const box = problemBox();
  const results = h('div', { id: 'search-results', 'aria-live': 'polite' });
  const categories = await api.get('/api/streams/categories').catch(() => []);
  const form = h('form', { class: 'panel', role: 'search', id: 'search-form' },
    h('div', { class: 'grid2' },
      field('Search', h('input', { type: 'search', id: 'q', name: 'q', value: params.get('q') || '' })),
      field('Category', h('select', { id: 'category', name: 'category', value: params.get('category') || '' },
        h('option', { value: '' }, 'Any category'), categories.map((c) => h('option', { value: c.category }, c.category)))),
      field('Access', h('select', { id: 'access_level', name: 'access_level', value: params.get('access_level') || '' },
        h('option', { value: '' }, 'Any'), Object.entries(LEVEL_LABELS).map(([v, label]) => h('option', { value: v }, label)))),
      field('Tags', h('input', { id: 'tags', name: 'tags', value: params.get('tags') || '' }), 'Comma separated, e.g. space,music')),
    h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'live_only', name: 'live_only', value: 'true', checked: params.get('live_only') === 'true' }),
      h('label', { for: 'live_only' }, 'Live only')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'search-submit' }, 'Search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (v) {
        query.set(k, v);
      }
    }
    history.pushState(null, '', '/watch/search?' + query);
    run(query);
  });
  main.append(h('h1', { tabindex: '-1' }, 'Search'), form, box, results);

  async function run(query) {
    box.hidden = true;
    try {
      const page = await api.get('/api/streams/search?' + query);
      results.replaceChildren(h('p', { class: 'muted', id: 'result-count' }, page.total + ' result(s)'),
        streamList(page.items, 'No streams match.', 'result-list'));
    } catch (e) {
      showProblem(box, e, form);
    }
  }
  run(params);
}

async function categories(main, { api }) {
  const box = problemBox();
  main.append(h('h1', { tabindex: '-1' }, 'Categories'), box);
  try {
    const list = await api.get('/api/streams/categories');
    main.append(h('ul', { class: 'stream-grid', id: 'category-list' }, list.length ? list.map((c) => h('li', { class: 'stream-card' },
      h('a', { href: '/watch/search?category=' + encodeURIComponent(c.category), class: 'stream-link' }, c.category),
      h('p', { class: 'muted' }, c.stream_count + ' stream(s), ' + c.live_count + ' live')))
      : [h('li', { class: 'muted' }, 'No categories yet.')]));
  } catch (e) {
    showProblem(box, e);
  }
}

async function library(main, { api }) {
  const box = problemBox();
  const saved = h('div', {});
  const favorites = h('div', {});
  const historyBody = h('tbody', {});
  main.append(h('h1', { tabindex: '-1' }, 'Your library'), box,
    h('section', { class: 'panel', 'aria-labelledby': 'saved-h' }, h('h2', { id: 'saved-h' }, 'Saved'), saved),
    h('section', { class: 'panel', 'aria-labelledby': 'fav-h' }, h('h2', { id: 'fav-h' }, 'Favorites (liked)'), favorites),
    h('section', { class: 'panel', 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, 'History'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'history-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Stream'), h('th', { scope: 'col' }, 'Started'),
          h('th', { scope: 'col' }, 'Watched'))), historyBody))));
  try {
    const [me, past] = await Promise.all([api.get('/api/viewers/profile'), api.get('/api/viewing/history?limit=50')]);
    const details = async (ids) => (await Promise.allSettled([...ids].map((id) => api.get('/api/streams/' + encodeURIComponent(id)))))
      .filter((x) => x.status === 'fulfilled').map((x) => x.value);
    saved.replaceChildren(streamList(await details(me.library.saved_streams || []), 'Nothing saved yet.', 'saved-list'));
    favorites.replaceChildren(streamList(await details(me.library.liked_streams || []), 'No favorites yet.', 'favorites-list'));
    historyBody.replaceChildren(...(past.length ? past.map((e) => h('tr', {},
      h('td', {}, h('a', { href: '/player/?stream=' + encodeURIComponent(e.stream_id) }, e.title || e.stream_id)),
      h('td', {}, new Date(e.started_at).toLocaleString()), h('td', {}, Math.round(e.duration_watched / 60) + ' min')))
      : [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'No viewing history.'))]));
  } catch (e) {
    showProblem(box, e);
  }
}

const PLANS = [['free', 'Free', 0, 'Public streams, standard quality'], ['premium', 'Premium', 999, 'Premium streams, HD quality'],
  ['vip', 'VIP', 1999, 'Everything, highest quality']];

async function upgrade(main, { api }) {
  const box = problemBox();
  const current = h('p', { id: 'current-plan' });
  const plans = h('div', { class: 'grid2', id: 'plans' });
  main.append(h('h1', { tabindex: '-1' }, 'Upgrade'), box, current, plans,
    h('p', { class: 'notice', id: 'payment-provider-note' }, 'Payments here go through the local test payment provider: no money moves and no card data is asked for or stored.'));
  async function load() {
    const status = await api.get('/api/viewers/subscriptions');
    current.replaceChildren('Your plan: ', h('strong', {}, LEVEL_LABELS[status.subscription_type === 'free' ? 'public' : status.subscription_type] || status.subscription_type),
      status.subscription_expires ? ' until ' + new Date(status.subscription_expires).toLocaleDateString() : '',
      ' · payment provider: ', h('code', {}, status.provider));
    plans.replaceChildren(...PLANS.map(([plan, label, cents, text]) => h('section', { class: 'panel', 'data-plan': plan },
      h('h2', {}, label), h('p', {}, text), h('p', {}, cents ? '$' + (cents / 100).toFixed(2) + ' / month' : 'Free'),
      plan === status.subscription_type ? h('p', { class: 'badge badge-active' }, 'Current plan')
        : plan === 'free' ? null
          : h('button', { type: 'button', class: 'primary', id: 'subscribe-' + plan, onclick: () => subscribe(plan) },
            'Subscribe with the test payment provider'))));
  }
  async function subscribe(plan) {
    box.hidden = true;
    try {
      await api.post('/api/viewers/subscribe', { plan, auto_renew: true, payment_method_id: 'pm_test_card' });
      await load();
      current.append(h('span', { class: 'badge badge-ok', id: 'subscribed' }, ' Subscribed: the new plan applies now'));
    } catch (e) {
      showProblem(box, e);
    }
  }
  try {
    await load();
  } catch (e) {
    showProblem(box, e);
  }
}

bootViewer({
  app: 'watch', clientId: 'lunora-watch', title: 'Lunora Watch',
  nav: [['/', 'Home'], ['/search', 'Search'], ['/categories', 'Categories'], ['/library', 'Library'], ['/upgrade', 'Upgrade'],
    ['/profile', 'Profile']],
  routes: { '/': home, '/search': search, '/categories': categories, '/library': library, '/upgrade': upgrade, '/profile': profile },
  signedIn: ['/library', '/upgrade', '/profile'],
});
