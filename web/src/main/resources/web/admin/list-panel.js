// What the admin's list panels share: their list loaded from the API (an empty one says so), and an
// item deleted once the admin confirms, the list then loaded again. Failures show in the panel's box.
import { h, fill, showProblem, clearProblem, announce, confirmAction } from '/assets/ui.js';

/**
 * The `items` of `path`'s answer in `list`, each drawn by `row`, or `empty` when there is none.
 * Answers `load` (call it to draw the list again) and `remove`.
 */
export function listPanel(api, { box, list, path, items, row, empty }) {
  const load = async () => {
    try {
      const answer = await api.get(path);
      fill(list, ...(answer[items].length ? answer[items].map(row) : [h('li', { class: 'muted' }, empty)]));
    } catch (e) {
      showProblem(box, e);
    }
  };

  /** Deletes `itemPath` once the admin confirms `question` with `confirmLabel`; announces `done` and loads again. */
  const remove = async ({ question, confirmLabel, itemPath, done }) => {
    if (!await confirmAction(question, confirmLabel)) {
      return;
    }
    clearProblem(box);
    try {
      await api.del(itemPath);
      announce(done);
      await load();
    } catch (e) {
      showProblem(box, e);
    }
  };

  return { load, remove };
}
