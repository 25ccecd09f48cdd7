// An inline SVG line chart with event markers; no library. series: [{t (ms), v}] drawn as steps.
import { svg, h } from './ui.js';

export function stepChart({ title, series, markers = [], start, end, unit = 'Mbps', scale = (v) => v / 1000 }) {
  const width = 640;
  const height = 220;
  const pad = { l: 48, r: 12, t: 16, b: 28 };
  const t0 = start;
  const t1 = Math.max(end, start + 1000);
  const max = Math.max(1, ...series.map((p) => scale(p.v))) * 1.15;
  const x = (t) => pad.l + ((t - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const y = (v) => height - pad.b - (scale(v) / max) * (height - pad.t - pad.b);
  let d = '';
  series.forEach((p, i) => {
    d += (i === 0 ? 'M' : 'H' + x(p.t).toFixed(1) + ' V') + (i === 0 ? x(p.t).toFixed(1) + ' ' : '') + y(p.v).toFixed(1) + ' ';
  });
  if (series.length) {
    d += 'H' + x(t1).toFixed(1);
  }
  const ticks = [0, 0.5, 1].map((f) => f * max);
  const titleId = 'chart-' + Math.random().toString(36).slice(2);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': titleId, class: 'chart' },
    svg('title', { id: titleId }, title),
    ticks.map((v) => svg('g', {},
      svg('line', { x1: pad.l, x2: width - pad.r, y1: y(v * 1000), y2: y(v * 1000), class: 'grid' }),
      svg('text', { x: pad.l - 6, y: y(v * 1000) + 4, 'text-anchor': 'end', class: 'axis' }, v.toFixed(1)))),
    svg('text', { x: 4, y: pad.t - 4, class: 'axis' }, unit),
    svg('text', { x: pad.l, y: height - 8, class: 'axis' }, new Date(t0).toLocaleTimeString()),
    svg('text', { x: width - pad.r, y: height - 8, 'text-anchor': 'end', class: 'axis' }, new Date(t1).toLocaleTimeString()),
    svg('path', { d, class: 'line' }),
    markers.map((m) => svg('g', { class: 'marker' },
      svg('line', { x1: x(m.t), x2: x(m.t), y1: pad.t, y2: height - pad.b }),
      svg('text', { x: x(m.t) + 4, y: pad.t + 10 }, m.label))));
  const legend = markers.length
    ? h('ul', { class: 'chart-legend' }, markers.map((m) => h('li', {}, new Date(m.t).toLocaleTimeString() + ': ' + m.label)))
    : null;
  return h('figure', { class: 'chart-figure' }, chart, legend);
}
