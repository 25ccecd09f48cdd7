// The frame of a web app: sign-in state, role check, header with the user and sign-out, the
// navigation, a small path router (/{app}/...), and renewal that keeps typed input.
import { Auth } from './auth.js';
import { createApi } from './api.js';
import { h, announce } from './ui.js';
import { takeDraft, restoreValues } from './drafts.js';

/**
 * app: 'stream' | 'admin'; routes: { '/path': async (main, ctx) => optional { reopen(name), dispose() } }.
 * allowed(groups) decides whether this app is for the signed-in user, else elsewhere(groups) is where to go.
 */
export async function boot({ app, clientId, title, routes, nav, allowed, elsewhere }) {
  const auth = new Auth(app, clientId);
  const main = document.getElementById('main');
  const header = document.getElementById('header');
  const base = '/' + app;

  if (location.pathname === base + '/callback') {
    try {
      const back = await auth.completeSignIn();
      history.replaceState(null, '', back);
    } catch (e) {
      landing(main, auth, title, e.message);
      return;
    }
  }
  if (!auth.tokens()) {
    landing(main, auth, title);
    return;
  }
  if (!auth.accessToken()) {
    auth.renew(); // expired while away: renewing keeps this screen and what was typed
    return;
  }
  if (!allowed(auth.groups())) {
    sessionStorage.removeItem('lunora.' + app + '.tokens');
    location.replace(elsewhere(auth.groups()));
    return;
  }

  const api = createApi(auth);
  const claims = auth.claims();
  const links = nav.map(([path, label]) => h('a', { href: base + path, 'data-link': true }, label));
  header.replaceChildren(
    h('a', { class: 'brand', href: base + '/', 'data-link': true }, title),
    h('nav', { 'aria-label': 'Main' }, links),
    h('div', { class: 'user' }, h('span', { id: 'user-name' }, claims.username || ''),
      h('button', { type: 'button', id: 'sign-out', onclick: () => auth.signOut() }, 'Sign out')));

  let current = null;
  async function render() {
    current?.dispose?.();
    current = null;
    const path = location.pathname.slice(base.length) || '/';
    const view = routes[path] || routes['/'];
    links.forEach((a) => a.removeAttribute('aria-current'));
    links.find((a) => a.getAttribute('href') === base + path)?.setAttribute('aria-current', 'page');
    main.replaceChildren();
    current = await view(main, { api, auth, navigate, base });
    const draft = takeDraft(app);
    if (draft) {
      if (draft.dialog && current?.reopen) {
        await current.reopen(draft.dialog);
      }
      restoreValues(document, draft.values);
      announce('Your session was renewed; what you typed was kept. Secret fields must be entered again.');
      document.getElementById('session-note')?.replaceChildren('Your session was renewed; what you typed was kept. Stream keys and passphrases must be entered again.');
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
    if (a && a.origin === location.origin && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      history.pushState(null, '', a.pathname);
      render();
    }
  });
  window.addEventListener('popstate', render);
  await render();
}

function landing(main, auth, title, error) {
  main.replaceChildren(h('section', { class: 'panel landing' },
    h('h1', { tabindex: '-1' }, title),
    error ? h('p', { class: 'problem', role: 'alert' }, error) : null,
    h('p', {}, 'Please sign in with your Lunora account.'),
    h('button', { type: 'button', class: 'primary', id: 'sign-in', onclick: () => auth.signIn(location.pathname.endsWith('/callback') ? '/' + auth.app + '/' : undefined) }, 'Sign in'),
    h('ul', { class: 'muted' },
      h('li', {}, 'Operators: stream configuration and control'),
      h('li', {}, 'Administrators: full system access'))));
  main.querySelector('h1').focus();
}
