// The player (/player/?stream={id}): HLS through hls.js (the WebJar the gateway serves at /vendor/)
// with quality selection, the live chat (SSE read with fetch), likes, saves and reports. Public
// streams play anonymously; other streams ask to sign in or to upgrade. The playback token in the
// URL expires: progress updates (or, anonymously, a new start) renew it, and every later request
// of hls.js uses the newest token. A token for a stream above public is bound to the signed-in
// viewer, so every playlist and segment request also carries the viewer's current access token
// (a copied URL plays for nobody else).
import { h, problemBox, showProblem, clearProblem, field, openDialog, announce } from '/assets/ui.js';
import { bootViewer, subscribeEvents, unescapeHtml, LEVEL_LABELS } from '/watch/common.js';

const PROGRESS_EVERY_MS = 60_000;

async function player(main, { api, auth, claims }) {
  const streamId = new URLSearchParams(location.search).get('stream');
  const box = problemBox();
  if (!streamId) {
    main.append(h('h1', { tabindex: '-1' }, 'Player'), h('p', {}, 'No stream chosen. ', h('a', { href: '/watch/' }, 'Find one on Lunora Watch.')));
    return null;
  }
  let stream;
  try {
    stream = await api.get('/api/streams/' + encodeURIComponent(streamId));
  } catch (e) {
    main.append(h('h1', { tabindex: '-1' }, 'Player'), box);
    showProblem(box, e);
    return null;
  }
  const video = h('video', { id: 'video', controls: true, playsinline: true, muted: true, autoplay: true,
    'aria-label': 'Video of ' + stream.title });
  video.muted = true; // browsers only start playback by themselves without sound
  const quality = h('select', { id: 'quality', disabled: true }, h('option', { value: '-1' }, 'Auto'));
  const status = h('p', { id: 'player-status', role: 'status', class: 'muted' });
  const stage = h('div', { class: 'stage' }, video);
  const likeButton = h('button', { type: 'button', id: 'like', 'aria-pressed': 'false' }, 'Like');
  const saveButton = h('button', { type: 'button', id: 'save', 'aria-pressed': 'false' }, 'Save');
  const reportButton = h('button', { type: 'button', id: 'report' }, 'Report');
  const likes = h('span', { id: 'like-count', class: 'muted' }, stream.like_count + ' likes');
  const chat = chatPanel(api, auth, claims, streamId);
  main.append(
    h('p', {}, h('a', { href: '/watch/' }, '← Lunora Watch')),
    h('h1', { tabindex: '-1', id: 'stream-title' }, stream.title),
    h('p', { class: 'stream-meta' }, stream.is_live ? h('span', { class: 'badge badge-live' }, 'LIVE') : h('span', { class: 'badge' }, 'Offline'),
      ' ', h('span', { class: 'badge level-' + stream.access_level }, LEVEL_LABELS[stream.access_level]),
      ' ', stream.category || '', stream.is_live ? ' · ' + stream.viewer_count + ' watching' : ''),
    box,
    h('div', { class: 'player-layout' },
      h('section', { class: 'player-main', 'aria-label': 'Video' }, stage,
        h('div', { class: 'row player-controls' }, field('Quality', quality), status),
        h('div', { class: 'actions' }, likeButton, likes, saveButton, reportButton),
        stream.description ? h('p', {}, stream.description) : null),
      chat.element));

  const stops = [chat.dispose];
  if (!stream.can_watch) {
    stage.replaceChildren(h('div', { class: 'gate', id: 'gate' }, claims
      ? [h('p', {}, 'This stream is for ' + LEVEL_LABELS[stream.access_level] + ' viewers.'),
        h('a', { class: 'button primary', href: '/watch/upgrade', id: 'gate-upgrade' }, 'Upgrade to watch')]
      : [h('p', {}, 'This stream is for ' + LEVEL_LABELS[stream.access_level] + ' viewers. Sign in with an account that has it.'),
        h('button', { type: 'button', class: 'primary', id: 'gate-sign-in', onclick: () => auth.signIn() }, 'Sign in'),
        ' ', h('a', { class: 'button', href: '/auth/register' }, 'Create an account')]));
  } else if (!stream.is_live) {
    status.textContent = stream.scheduled_start ? 'Starts ' + new Date(stream.scheduled_start).toLocaleString() : 'This stream is not live now.';
  } else {
    stops.push(await play(api, auth, claims, stream, video, quality, status, box));
  }

  if (claims) {
    wireLibrary(api, streamId, likeButton, saveButton, likes, box);
    reportButton.addEventListener('click', () => reportDialog(api, streamId));
  } else {
    for (const b of [likeButton, saveButton, reportButton]) {
      b.addEventListener('click', () => auth.signIn());
      b.title = 'Sign in first';
    }
  }
  return { dispose: () => stops.forEach((stop) => stop()) };
}

async function play(api, auth, claims, stream, video, quality, status, box) {
  let playback;
  try {
    playback = await api.post('/api/viewing/start', { stream_id: stream.stream_id, device_type: 'web', quality: 'auto' });
  } catch (e) {
    showProblem(box, e);
    return () => {};
  }
  let token = playback.playback_token;
  const withToken = (url) => url.replace(/\/hls\/t\/[^/]+\//, '/hls/t/' + encodeURIComponent(token) + '/');
  status.textContent = 'Quality up to ' + playback.quality_cap + ' (' + playback.max_height + 'p) for your plan.';
  let hls = null;
  if (window.Hls && window.Hls.isSupported()) {
    hls = new window.Hls({
      enableWorker: false, // the gateway's Content-Security-Policy allows no blob: workers
      xhrSetup: (xhr, url) => {
        xhr.open('GET', withToken(url), true);
        // read on every request: the access token renews while the stream plays
        const access = claims && auth.accessToken();
        if (access) {
          xhr.setRequestHeader('Authorization', 'Bearer ' + access);
        }
      },
    });
    hls.on(window.Hls.Events.MANIFEST_PARSED, () => {
      quality.replaceChildren(h('option', { value: '-1' }, 'Auto'),
        ...hls.levels.map((l, i) => h('option', { value: String(i) }, (l.height ? l.height + 'p' : 'Level ' + (i + 1))
          + (l.bitrate ? ' · ' + Math.round(l.bitrate / 1000) + ' kbps' : ''))));
      quality.disabled = false;
      video.play().catch(() => { status.textContent = 'Press play to start.'; });
    });
    hls.on(window.Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        const code = data.response && data.response.code;
        status.textContent = code === 403 ? 'Your plan does not allow this stream or quality.'
          : code === 401 ? 'The playback link expired; reload the page.' : 'Playback problem: ' + data.details + '. Retrying…';
        if (data.type === window.Hls.ErrorTypes.NETWORK_ERROR && code !== 403) {
          setTimeout(() => hls && hls.startLoad(), 2000);
        } else if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
        }
      }
    });
    quality.addEventListener('change', () => {
      hls.currentLevel = Number(quality.value);
      announce('Quality ' + quality.selectedOptions[0].textContent);
    });
    hls.loadSource(playback.playback_url);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl') && stream.access_level === 'public') {
    video.src = playback.playback_url;
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    // the browser's own HLS cannot send the access token a members' stream needs
    status.textContent = 'This browser plays only public streams. Use a browser with Media Source Extensions.';
  } else {
    status.textContent = 'This browser cannot play HLS.';
  }

  const started = Date.now();
  const renew = setInterval(async () => {
    try {
      const fresh = claims
        ? await api.put('/api/viewing/progress', { viewing_session_id: playback.viewing_session_id,
          duration_watched: Math.round((Date.now() - started) / 1000), quality: 'auto' })
        : await api.post('/api/viewing/start', { stream_id: stream.stream_id, device_type: 'web', quality: 'auto' });
      token = fresh.playback_token || token;
    } catch {
      // the next renewal tries again; the current token is valid for minutes
    }
  }, PROGRESS_EVERY_MS);
  const end = () => {
    clearInterval(renew);
    hls?.destroy();
    hls = null;
    if (claims && playback.viewing_session_id) {
      api.post('/api/viewing/end', { viewing_session_id: playback.viewing_session_id,
        duration_watched: Math.round((Date.now() - started) / 1000), exit_reason: 'user_exit' }).catch(() => {});
    }
  };
  window.addEventListener('pagehide', end, { once: true });
  return end;
}

async function wireLibrary(api, streamId, likeButton, saveButton, likes, box) {
  try {
    const me = await api.get('/api/viewers/profile');
    likeButton.setAttribute('aria-pressed', String((me.library.liked_streams || []).includes(streamId)));
    saveButton.setAttribute('aria-pressed', String((me.library.saved_streams || []).includes(streamId)));
  } catch {
    // the buttons still work; they show the state after the first click
  }
  const pressed = (b) => b.getAttribute('aria-pressed') === 'true';
  likeButton.addEventListener('click', async () => {
    try {
      const r = await api.post('/api/social/like', { stream_id: streamId, liked: !pressed(likeButton) });
      likeButton.setAttribute('aria-pressed', String(r.liked));
      likeButton.textContent = r.liked ? 'Liked' : 'Like';
      likes.textContent = r.like_count + ' likes';
    } catch (e) {
      showProblem(box, e);
    }
  });
  saveButton.addEventListener('click', async () => {
    try {
      const r = await api.post('/api/viewing/save', { stream_id: streamId, saved: !pressed(saveButton) });
      saveButton.setAttribute('aria-pressed', String(r.active));
      saveButton.textContent = r.active ? 'Saved' : 'Save';
    } catch (e) {
      showProblem(box, e);
    }
  });
}

function reportDialog(api, streamId, messageId) {
  const box = problemBox();
  const type = h('select', { id: 'report-type', name: 'report_type' }, h('option', { value: 'inappropriate' }, 'Inappropriate'),
    h('option', { value: 'spam' }, 'Spam'), h('option', { value: 'copyright' }, 'Copyright'));
  const description = h('textarea', { id: 'report-description', name: 'description', maxlength: 1000, rows: 3 });
  const form = h('div', {}, box, field('Reason', type), field('Details (optional)', description));
  const send = h('button', { type: 'button', class: 'primary', id: 'report-send' }, 'Send report');
  const dialog = openDialog({ title: messageId ? 'Report this message' : 'Report this stream', body: form,
    actions: [h('button', { type: 'button', id: 'report-cancel', onclick: () => dialog.close() }, 'Cancel'), send] });
  send.addEventListener('click', async () => {
    clearProblem(box, form);
    try {
      await api.post('/api/social/report', { stream_id: streamId, report_type: type.value,
        description: description.value.trim() || null, message_id: messageId || null });
      dialog.close();
      const done = document.getElementById('report-done');
      if (done) {
        done.textContent = 'Thank you: the report was sent to the moderators.';
      }
      announce('Report sent');
    } catch (e) {
      showProblem(box, e, form);
    }
  });
}

function chatPanel(api, auth, claims, streamId) {
  const list = h('ol', { id: 'chat-messages', class: 'chat-messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Chat messages' });
  const state = h('span', { id: 'chat-state', class: 'muted' });
  const box = problemBox();
  const element = h('aside', { class: 'panel chat', 'aria-labelledby': 'chat-h' },
    h('div', { class: 'live-top' }, h('h2', { id: 'chat-h' }, 'Live chat'), state),
    h('p', { id: 'report-done', role: 'status', class: 'muted' }), list, box);
  if (!claims) {
    element.append(h('p', {}, 'Sign in to read and write in the chat. ',
      h('button', { type: 'button', id: 'chat-sign-in', class: 'small', onclick: () => auth.signIn() }, 'Sign in')));
    return { element, dispose: () => {} };
  }
  const input = h('input', { id: 'chat-input', name: 'text', maxlength: 500, autocomplete: 'off', 'aria-label': 'Chat message' });
  const form = h('form', { class: 'row', id: 'chat-form' }, input, h('button', { type: 'submit', class: 'primary', id: 'chat-send' }, 'Send'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) {
      return;
    }
    clearProblem(box);
    try {
      await api.post('/api/social/chat/' + encodeURIComponent(streamId), { text });
      input.value = '';
    } catch (err) {
      showProblem(box, err);
    }
  });
  element.append(form);
  const seen = new Set();
  const stop = subscribeEvents(auth, '/api/social/chat/' + encodeURIComponent(streamId) + '/events', (event, data) => {
    if (event === 'message' && !seen.has(data.message_id)) {
      seen.add(data.message_id);
      const report = h('button', { type: 'button', class: 'small link', 'aria-label': 'Report this message',
        onclick: () => reportDialog(api, streamId, data.message_id) }, 'Report');
      list.append(h('li', { 'data-message': data.message_id },
        h('strong', { class: 'chat-author' }, unescapeHtml(data.author_name)), ' ',
        h('span', { class: 'chat-text' }, unescapeHtml(data.text)), ' ', report));
      while (list.children.length > 200) {
        list.firstElementChild.remove();
      }
      list.scrollTop = list.scrollHeight;
    } else if (event === 'removed') {
      list.querySelector('[data-message="' + CSS.escape(data.message_id) + '"]')?.remove();
    }
  }, (s) => { state.textContent = s === 'open' ? 'connected' : 'reconnecting…'; });
  return { element, dispose: stop };
}

bootViewer({
  app: 'player', clientId: 'lunora-player', title: 'Lunora Player',
  nav: [],
  routes: { '/': player },
  // Signed in on /watch in this tab: sign in here too (the issuer's session answers at once).
  onLanding: (auth) => {
    if (!auth.tokens() && sessionStorage.getItem('lunora.watch.tokens') && !sessionStorage.getItem('lunora.player.auto')) {
      sessionStorage.setItem('lunora.player.auto', '1');
      auth.signIn();
      return true;
    }
    return false;
  },
});
