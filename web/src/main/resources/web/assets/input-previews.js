// The inputs' latest pictures, fetched with the token (never a public URL) and shown in boxes of a
// fixed size: a picture that arrives or goes never moves a button under the user's pointer.
import { h } from '/assets/ui.js';

export function inputPreviews(api, idPrefix) {
  const boxes = new Map();

  /** The figure of one input (the same element on every redraw). */
  function figure(input) {
    if (!boxes.has(input)) {
      const img = h('img', { class: 'input-preview', id: idPrefix + input, alt: 'Latest picture of the ' + input + ' input',
        width: 256, height: 144, hidden: true });
      boxes.set(input, { img, figure: h('figure', { class: 'input-figure' }, h('div', { class: 'input-preview-box' }, img),
        h('figcaption', {}, input)) });
    }
    return boxes.get(input).figure;
  }

  /** Fetches every shown input's picture again; an input without one shows the empty box. */
  async function refresh() {
    for (const [input, { img }] of boxes) {
      const url = await api.image('/api/sources/' + input + '/preview');
      const previous = img.src;
      img.hidden = !url;
      if (url) {
        img.src = url;
      } else {
        img.removeAttribute('src');
      }
      if (previous.startsWith('blob:')) {
        URL.revokeObjectURL(previous);
      }
    }
  }

  return { figure, refresh };
}
