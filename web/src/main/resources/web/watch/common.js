// What the three viewer apps (/watch, /player, /viewer-admin) share: a frame where signing in is
// optional (the catalog and public streams are open to anonymous viewers), an API client that
// sends the token only when there is one, stream cards, chat text decoding and an SSE reader.
import { Auth } from '/assets/auth.js';
import { ApiError } from '/assets/api.js';
import { h, announce } from '/assets/ui.js';
import { takeDraft, restoreValues } from '/assets/drafts.js';
export { subscribeEvents } from '/assets/live.js';

/** The API for a viewer app: anonymous calls go without a token; a 401 with one renews the session. */
export function viewerApi(auth) {
  async function request(method, path, body) {
    const token = auth.accessToken();
    if (!token && auth.tokens()) {
      await auth.renew();
      return new Promise(() => {});
    }
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: {
          ...(token ? { Authorization: 'Bearer ' + token } : {}),
          Accept: 'application/json, application/problem+json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check the connection and try again.' });
    }
    if (response.status === 401 && token) {
      await auth.renew();
      return new Promise(() => {});
    }
    const type = response.headers.get('Content-Type') || '';
    const data = response.status === 204 ? null
        : type.includes('json') ? await response.json().catch(() => ({})) : await response.text();
    if (!response.ok) {
      // without a problem document the error says in words what the status means
      throw new ApiError(response.status, typeof data === 'object' && data ? data : {});
    }
    return data;
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body),
    del: (path) => request('DELETE', path),
  };
}

/**
 * Boots a viewer app. routes: { '/path': async (main, ctx) => optional { dispose() } }; a route
 * listed in signedIn asks for sign-in first. requireGroup: the app is only for that group.
 */
export async function bootViewer({ app, clientId, title, nav, routes, signedIn = [], requireGroup, onLanding }) {
  const auth = new Auth(app, clientId);
  const main = document.getElementById('main');
  const header = document.getElementById('header');
  const base = '/' + app;

  if (location.pathname === base + '/callback') {
    try {
      history.replaceState(null, '', await auth.completeSignIn());
    } catch (e) {
      history.replaceState(null, '', base + '/');
      main.replaceChildren(signInPanel(auth, title, e.message));
      return;
    }
  }
  if (auth.tokens() && !auth.accessToken()) {
    auth.renew();
    return;
  }
  if (onLanding?.(auth)) {
    return; // leaving for the sign-in
  }
  const claims = auth.accessToken() ? auth.claims() : null;
  if (requireGroup && (!claims || !auth.groups().includes(requireGroup))) {
    if (claims) {
      sessionStorage.removeItem('lunora.' + app + '.tokens');
    }
    main.replaceChildren(signInPanel(auth, title, claims
      ? 'This account is not a consumer admin. Sign in with a consumer admin account.' : null));
    return;
  }

  const api = viewerApi(auth);
  const links = nav.map(([path, label]) => h('a', { href: base + path, 'data-link': true }, label));
  header.replaceChildren(
    h('a', { class: 'brand', href: base + '/', 'data-link': true }, title),
    h('nav', { 'aria-label': 'Main' }, links),
    h('div', { class: 'user' }, claims
      ? [h('span', { id: 'user-name' }, claims.username || ''), h('span', { class: 'badge', id: 'user-tier' }, tierOf(auth.groups())),
        h('button', { type: 'button', id: 'sign-out', onclick: () => auth.signOut() }, 'Sign out')]
      : [h('a', { href: '/auth/register', id: 'register' }, 'Register'),
        h('button', { type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.signIn() }, 'Sign in')]));

  let current = null;
  async function render() {
    current?.dispose?.();
    current = null;
    const path = location.pathname.slice(base.length).replace(/\/$/, '') || '/';
    const view = routes[path] || routes['/'];
    links.forEach((a) => a.removeAttribute('aria-current'));
    links.find((a) => a.getAttribute('href') === base + path)?.setAttribute('aria-current', 'page');
    main.replaceChildren();
    if (signedIn.includes(path) && !claims) {
      main.append(signInPanel(auth, title, null, 'Please sign in to see this page.'));
      return;
    }
    current = await view(main, { api, auth, claims, navigate, base });
    const draft = takeDraft(app);
    if (draft) {
      restoreValues(document, draft.values);
      announce('Your session was renewed; what you typed was kept.');
    } else {
      main.querySelector('h1')?.focus();
    }
  }

  function navigate(path) {
    history.pushState(null, '', base + path);
    render();
  }

  document.addEventListener('click', (event) => {
    const a = event.target.closest && event.target.closest('a[data-link]');
    if (a && a.origin === location.origin && a.pathname.startsWith(base) && !event.ctrlKey && !event.metaKey
        && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      history.pushState(null, '', a.pathname + a.search);
      render();
    }
  });
  window.addEventListener('popstate', render);
  await render();
}

export function signInPanel(auth, title, error, note) {
  const panel = h('section', { class: 'panel landing' },
    h('h1', { tabindex: '-1' }, title),
    error ? h('p', { class: 'problem', role: 'alert' }, error) : null,
    h('p', {}, note || 'Sign in with your Lunora viewer account.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'landing-sign-in', onclick: () => auth.signIn('/' + auth.app + '/') }, 'Sign in'),
      h('a', { class: 'button', href: '/auth/register' }, 'Create an account')));
  queueMicrotask(() => panel.querySelector('h1').focus());
  return panel;
}

/** The viewer tier a token's groups give (consumer admins watch as vip would; the API decides). */
export function tierOf(groups) {
  return ['consumer-admins', 'vip', 'premium', 'free'].find((g) => groups.includes(g)) || 'anonymous';
}

export const LEVEL_LABELS = { public: 'Free', premium: 'Premium', vip: 'VIP' };

const LIVE_THUMBNAIL = /^\/api\/streams\/[A-Za-z0-9_-]+\/thumbnail$/;

/**
 * A stream's picture in a 16:9 box that keeps its size before the image loads (no layout jump);
 * a live thumbnail that is not there yet leaves the box empty. `url` is the catalog's
 * thumbnail_url (an admin's picture, or the stream's live thumbnail).
 */
export function thumbnail(url, title, className = 'thumb') {
  const img = url ? h('img', { src: url, alt: 'Picture of ' + title, width: 640, height: 360, loading: 'lazy',
    decoding: 'async', onerror: () => stopOnMissing(img), onload: () => { img.hidden = false; delete img.dataset.misses; } }) : null;
  if (img && LIVE_THUMBNAIL.test(url)) {
    img.dataset.liveThumbnail = url;
  }
  return h('div', { class: className }, img);
}

/**
 * A live thumbnail that is missing twice in a row (404: the stream ended or is hidden) is no longer
 * refreshed; the first miss may be a stream whose first picture is not written yet.
 */
function stopOnMissing(img) {
  img.hidden = true;
  img.dataset.misses = String(Number(img.dataset.misses || 0) + 1);
  if (Number(img.dataset.misses) >= 2) {
    delete img.dataset.liveThumbnail;
  }
}

// Live thumbnails change every 10 s; browse pages show a fresh one every 30 s while visible.
setInterval(() => {
  if (document.hidden) {
    return;
  }
  document.querySelectorAll('img[data-live-thumbnail]').forEach((img) => {
    img.src = img.dataset.liveThumbnail + '?t=' + Date.now();
  });
}, 30000);

/** A catalog entry as a card linking to the player. */
export function streamCard(s) {
  return h('li', { class: 'stream-card', 'data-stream': s.stream_id },
    thumbnail(s.thumbnail_url, s.title || s.stream_id),
    h('a', { href: '/player/?stream=' + encodeURIComponent(s.stream_id), class: 'stream-link' },
      h('span', { class: 'stream-title' }, s.title || s.stream_id)),
    h('div', { class: 'stream-meta' },
      s.is_live ? h('span', { class: 'badge badge-live' }, 'LIVE') : null,
      h('span', { class: 'badge level-' + s.access_level }, LEVEL_LABELS[s.access_level] || s.access_level),
      s.category ? h('span', { class: 'muted' }, s.category) : null,
      s.is_live ? h('span', { class: 'muted' }, s.viewer_count + ' watching') : null,
      !s.is_live && s.scheduled_start ? h('span', { class: 'muted' }, 'Starts ' + new Date(s.scheduled_start).toLocaleString()) : null),
    s.description ? h('p', { class: 'stream-desc' }, s.description) : null,
    s.can_watch === false ? h('p', { class: 'muted' }, 'Needs ' + (LEVEL_LABELS[s.access_level] || s.access_level) + ' — ',
      h('a', { href: '/watch/upgrade' }, 'upgrade')) : null);
}

export function streamList(items, empty, id) {
  return h('ul', { class: 'stream-grid', id }, items.length ? items.map(streamCard) : [h('li', { class: 'muted' }, empty)]);
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': '\'', '&amp;': '&' };

/**
 * The server HTML-escapes chat text and names (so they stay inert in any client); this app puts
 * them into text nodes, so it undoes the escaping first to show what the viewer typed.
 */
export function unescapeHtml(text) {
  return String(text ?? '').replace(/&(lt|gt|quot|#39|amp);/g, (m) => ENTITIES[m]);
}

