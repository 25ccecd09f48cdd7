// Small DOM helpers: elements built node by node (nothing from the server is parsed as markup),
// dialogs with focus handling, confirmations, problem display with field errors next to fields.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(tag === 'svg' || attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false || name === 'svg' || name === 'value') {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      el.setAttribute('class', value);
    } else if (name in el && !(el instanceof SVGElement) && typeof value !== 'string') {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  if (attrs && attrs.value !== undefined && attrs.value !== null) {
    el.value = attrs.value; // after the options of a select exist
  }
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
}

/**
 * Replaces an element's children, leaving out null, undefined and false (the DOM's own
 * replaceChildren/append would show them as the text "null").
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  return h(tag, { ...attrs, svg: true }, ...children);
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return prefix + '-' + uid;
}

/** A labelled field: label, control, hint and the slot for its error (aria-describedby). */
export function field(label, control, hint) {
  const errorId = control.id + '-error';
  const hintId = hint ? control.id + '-hint' : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (!control.name) {
    control.name = control.id;
  }
  return h('div', { class: 'field', 'data-field': control.dataset.field || control.name },
    h('label', { for: control.id }, label), control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, role: 'alert' }));
}

export function checkbox(id, label, checked) {
  return h('div', { class: 'check' },
    h('input', { type: 'checkbox', id, name: id, checked: Boolean(checked) }),
    h('label', { for: id }, label));
}

/** Shows an error: a summary in box, and each field error next to its field inside form. */
export function showProblem(box, error, form) {
  clearProblem(box, form);
  const unplaced = [];
  for (const e of error.errors || []) {
    const slot = form && form.querySelector('[data-field="' + CSS.escape(e.field) + '"] .field-error');
    if (slot) {
      slot.textContent = e.message;
      slot.closest('.field').classList.add('invalid');
      slot.closest('.field').querySelector('input,select,textarea')?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push([e.field, e.message].filter(Boolean).join(' '));
    }
  }
  const { title, message } = problemWords(error);
  fill(box, h('strong', {}, title), message ? ' ' + message : null,
    unplaced.length ? h('ul', {}, unplaced.map((m) => h('li', {}, m))) : null);
  box.hidden = false;
  box.focus?.();
  const firstInvalid = form && form.querySelector('[aria-invalid="true"]');
  (firstInvalid || box).focus();
}

/**
 * What a person reads about a failure: a problem document's title and detail, never a script
 * error's text or stack (that goes to the console for developers).
 */
export function problemWords(error) {
  if (error && typeof error.status === 'number') {
    return { title: error.title || 'Something went wrong', message: error.message || '' };
  }
  console.error(error);
  return { title: 'Something went wrong on this page', message: 'Reload the page and try again.' };
}

export function clearProblem(box, form) {
  box.hidden = true;
  box.replaceChildren();
  form?.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form?.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  form?.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

export function problemBox() {
  return h('div', { class: 'problem', role: 'alert', tabindex: '-1', hidden: true });
}

/** Polite status messages for screen readers and sighted users alike. */
export function announce(message) {
  const live = document.getElementById('announcer');
  if (live) {
    live.textContent = '';
    live.textContent = message;
  }
}

/**
 * A modal dialog (native <dialog>: focus is kept inside, Escape closes it, focus returns to the
 * opener). reopen names it so that a renewed session can open it again with the typed values.
 */
export function openDialog({ title, body, actions, reopen, onClose }) {
  const opener = document.activeElement;
  const titleId = nextId('dialog-title');
  const dialog = h('dialog', { 'aria-labelledby': titleId, 'data-reopen': reopen || null },
    h('h2', { id: titleId }, title), body, h('div', { class: 'actions' }, actions));
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
    if (opener && opener.isConnected) {
      opener.focus();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  const first = dialog.querySelector('input:not([type=hidden]), select, textarea, button');
  first?.focus();
  return dialog;
}

/** Asks before something destructive; resolves true only on the explicit confirm button. */
export function confirmAction(message, confirmLabel = 'Confirm') {
  return new Promise((resolve) => {
    let answer = false;
    const yes = h('button', { type: 'button', class: 'danger', onclick: () => { answer = true; dialog.close(); } }, confirmLabel);
    const no = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
    const dialog = openDialog({ title: 'Please confirm', body: h('p', {}, message), actions: [no, yes],
      onClose: () => resolve(answer) });
    no.focus();
  });
}

export function statusBadge(state) {
  const s = String(state || 'unknown').toLowerCase();
  const labels = { live: 'LIVE', ok: 'OK', active: 'Active', connecting: 'Connecting', retrying: 'Retrying',
    failed: 'Failed', stopped: 'Stopped', idle: 'Idle', degraded: 'Degraded', down: 'Down', starting: 'Starting',
    stopping: 'Stopping', error: 'Error', none: 'Not streaming', unknown: 'Unknown' };
  return h('span', { class: 'badge badge-' + s, 'data-state': s }, labels[s] || s);
}

export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
