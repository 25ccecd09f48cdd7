// What the user typed survives a trip through the sign-in pages: the fields of the current screen
// (and of an open dialog) are kept in sessionStorage until the app is back. Secret fields
// (type=password: stream keys, passphrases) are never written anywhere; they are typed again.

function fields(root) {
  return [...root.querySelectorAll('input[id], select[id], textarea[id]')]
      .filter((el) => el.type !== 'password' && el.type !== 'file' && !el.dataset.noDraft);
}

export function saveDraft(app) {
  const dialog = document.querySelector('dialog[open][data-reopen]');
  const draft = {
    path: location.pathname + location.search,
    dialog: dialog ? dialog.dataset.reopen : null,
    values: Object.fromEntries(fields(document).map((el) => [el.id,
      el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value])),
  };
  sessionStorage.setItem('lunora.' + app + '.draft', JSON.stringify(draft));
}

/** The kept draft of this screen, once (removed on reading). */
export function takeDraft(app) {
  const raw = sessionStorage.getItem('lunora.' + app + '.draft');
  if (!raw) {
    return null;
  }
  sessionStorage.removeItem('lunora.' + app + '.draft');
  const draft = JSON.parse(raw);
  return draft.path === location.pathname + location.search ? draft : null;
}

/** Puts kept values back into the fields of root that still exist. */
export function restoreValues(root, values) {
  for (const el of fields(root)) {
    if (Object.hasOwn(values, el.id)) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = Boolean(values[el.id]);
      } else {
        el.value = values[el.id];
      }
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}
