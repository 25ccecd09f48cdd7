// The operator's quality choice (wizard step 2) and the preset it gives each destination.

/** Value, label and the picture height each choice asks for. */
export const QUALITIES = [['high', 'High (1080p)', 1080], ['medium', 'Medium (720p)', 720], ['low', 'Low (480p)', 480]];

/** The height of a preset's picture (1080 for 1920x1080), or 0 when it has none. */
export function heightOf(preset) {
  const resolution = preset && preset.video && preset.video.resolution;
  return resolution ? Number(resolution.split('x')[1]) : 0;
}

/** The platform's presets, highest picture first; a built-in before a custom one of the same height. */
export function platformPresets(presets, platform) {
  return presets.filter((p) => p.platform === platform && heightOf(p) > 0)
    .sort((a, b) => heightOf(b) - heightOf(a) || Number(Boolean(b.built_in)) - Number(Boolean(a.built_in)));
}

/**
 * The preset of the platform for a chosen height: the highest not above it (the built-in catalogue
 * has 1080p, 720p, 480p and 360p on every platform, X up to 720p), else the platform's lowest;
 * null when the platform has none (a custom destination then keeps its own).
 */
export function presetFor(presets, platform, height) {
  const mine = platformPresets(presets, platform);
  return mine.find((p) => heightOf(p) <= height) || mine[mine.length - 1] || null;
}
