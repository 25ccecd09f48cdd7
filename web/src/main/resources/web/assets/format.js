export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return (hh ? hh + 'h ' : '') + (hh || mm ? mm + 'm ' : '') + ss + 's';
}

export function mbps(kbps) {
  return ((kbps || 0) / 1000).toFixed(1) + ' Mbps';
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function money(value) {
  return '$' + (value || 0).toFixed(2);
}

export function platformName(platform) {
  return { youtube: 'YouTube Live', x: 'X Live', linkedin: 'LinkedIn Live', custom: 'Custom RTMP' }[platform] || platform;
}

export function presetLabel(p) {
  if (!p) {
    return '—';
  }
  const v = p.video || {};
  const height = v.resolution ? v.resolution.split('x')[1] + 'p' : '';
  return p.name + ' (' + height + (v.frame_rate || '') + ', ' + ((v.bitrate_kbps || 0) / 1000) + ' Mbps)';
}

/** What an input carries ("H264 1280x720 30 fps · AAC 48 kHz stereo"); '' while it is not known. */
export function inputMedia(m) {
  if (!m) {
    return '';
  }
  const video = m.video_codec ? [m.video_codec.toUpperCase(), m.width && m.height ? m.width + 'x' + m.height : null,
    m.frame_rate ? Math.round(m.frame_rate * 100) / 100 + ' fps' : null].filter(Boolean).join(' ') : null;
  const audio = m.audio_codec ? [m.audio_codec.toUpperCase(), m.sample_rate_hz ? m.sample_rate_hz / 1000 + ' kHz' : null,
    m.audio_channels].filter(Boolean).join(' ') : null;
  return [video, audio].filter(Boolean).join(' · ');
}

/** A size in bytes as people read it ("12.3 MB"), decimal units as disks and platforms count them. */
export function bytesSize(bytes) {
  const b = Math.max(0, bytes || 0);
  if (b >= 1e9) {
    return (b / 1e9).toFixed(2) + ' GB';
  }
  return b >= 1e6 ? (b / 1e6).toFixed(1) + ' MB' : Math.round(b / 1e3) + ' kB';
}
