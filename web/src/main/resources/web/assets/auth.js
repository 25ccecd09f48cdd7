// Sign-in for a web app: OpenID Connect authorization code with PKCE against the issuer behind the
// gateway (or Cognito's Hosted UI in AWS mode: the endpoints come from the discovery document, the
// code path is the same). Tokens live in sessionStorage (this tab only, gone when it closes); no
// refresh token exists for public clients, so renewal is another trip through the authorization
// endpoint, which returns at once while the issuer's session lives.
import { saveDraft } from './drafts.js';

const te = new TextEncoder();

function b64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return b64url(crypto.getRandomValues(new Uint8Array(32)));
}

function decodeJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return null;
  }
}

let discovery;
async function endpoints() {
  if (!discovery) {
    const response = await fetch('/.well-known/openid-configuration', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error('The sign-in service is not reachable (' + response.status + ').');
    }
    discovery = await response.json();
  }
  return discovery;
}

export class Auth {
  /** @param app 'stream' or 'admin'; @param clientId the OAuth client of that app */
  constructor(app, clientId) {
    this.app = app;
    this.clientId = clientId;
    this.key = 'lunora.' + app + '.';
    this.redirectUri = location.origin + '/' + app + '/callback';
  }

  tokens() {
    const raw = sessionStorage.getItem(this.key + 'tokens');
    return raw ? JSON.parse(raw) : null;
  }

  /** The access token, or null when there is none or it has expired. */
  accessToken() {
    const t = this.tokens();
    return t && t.expires_at > Date.now() + 5000 ? t.access_token : null;
  }

  /** The claims of the access token (cognito:groups, username, custom:organization, exp). */
  claims() {
    const t = this.tokens();
    return t ? decodeJwt(t.access_token) : null;
  }

  groups() {
    const c = this.claims();
    return c && Array.isArray(c['cognito:groups']) ? c['cognito:groups'] : [];
  }

  /** Leaves for the issuer's sign-in; comes back to returnTo (a path of this app). */
  async signIn(returnTo = location.pathname + location.search) {
    const verifier = randomString();
    const state = randomString();
    const challenge = b64url(await crypto.subtle.digest('SHA-256', te.encode(verifier)));
    sessionStorage.setItem(this.key + 'pkce', JSON.stringify({ verifier, state, returnTo }));
    const { authorization_endpoint: authorize } = await endpoints();
    const query = new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: this.redirectUri,
      scope: 'openid profile email', state, code_challenge: challenge, code_challenge_method: 'S256',
    });
    location.assign(authorize + '?' + query);
  }

  /**
   * The session ran out (a 401, or an expired token): keeps what the user typed on this screen,
   * then renews through the authorization endpoint; the screen and its fields come back after.
   */
  renew() {
    saveDraft(this.app);
    return this.signIn();
  }

  /** On /{app}/callback: checks state, exchanges the code with the PKCE verifier; returns the path to go back to. */
  async completeSignIn() {
    const params = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem(this.key + 'pkce') || 'null');
    sessionStorage.removeItem(this.key + 'pkce');
    if (params.get('error')) {
      throw new Error('Sign-in was refused: ' + (params.get('error_description') || params.get('error')));
    }
    if (!pending || !params.get('code') || params.get('state') !== pending.state) {
      throw new Error('This sign-in answer does not belong to a sign-in started here. Please sign in again.');
    }
    const { token_endpoint: tokenEndpoint } = await endpoints();
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: this.redirectUri,
        client_id: this.clientId, code_verifier: pending.verifier,
      }),
    });
    if (!response.ok) {
      throw new Error('The sign-in could not be completed (' + response.status + '). Please sign in again.');
    }
    const body = await response.json();
    sessionStorage.setItem(this.key + 'tokens', JSON.stringify({
      access_token: body.access_token, id_token: body.id_token,
      expires_at: Date.now() + (body.expires_in || 900) * 1000,
    }));
    return pending.returnTo && pending.returnTo.startsWith('/' + this.app + '/')
        && !pending.returnTo.startsWith('/' + this.app + '/callback') ? pending.returnTo : '/' + this.app + '/';
  }

  /** Forgets the tokens here and ends the session at the issuer, which sends the browser back to this app. */
  async signOut() {
    const t = this.tokens();
    sessionStorage.removeItem(this.key + 'tokens');
    let end = null;
    try {
      end = (await endpoints()).end_session_endpoint;
    } catch {
      // the issuer cannot be reached: the tokens are gone here, which is what matters in this tab
    }
    if (end && t && t.id_token) {
      const query = new URLSearchParams({
        id_token_hint: t.id_token, client_id: this.clientId, post_logout_redirect_uri: location.origin + '/' + this.app + '/',
      });
      location.assign(end + '?' + query);
    } else {
      location.assign('/' + this.app + '/');
    }
  }
}
