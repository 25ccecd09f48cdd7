package io.lunora.gateway.playback;

import io.lunora.model.viewer.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tier's quality cap on the engine's HLS ladder, which keeps each rung in a folder named by its
 * height ({@code 480p/}, {@code 1080p/}) next to the master playlist: files of a taller rung are
 * refused, and the master playlist a viewer receives lists only the rungs the tier may play, so
 * an adaptive player never reaches for a refused one. (Numbered variants, as MediaPackage names
 * them, are placed by {@link VariantLadder}; the master filter is shared.)
 */
final class QualityCap {
    private static final Pattern RUNG_FOLDER = Pattern.compile("^(\\d{3,4})p/");
    private static final Pattern RESOLUTION = Pattern.compile("RESOLUTION=\\d+x(\\d+)");
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

    private QualityCap() {
    }

    /** The master playlist sits at the top of the stream's folder; media playlists sit in rung folders. */
    static boolean isMasterPlaylist(String file) {
        return file.indexOf('/') < 0 && file.endsWith(".m3u8");
    }

    static boolean allows(String file, Quality cap) {
        OptionalInt height = rungHeight(file);
        return height.isEmpty() || height.getAsInt() <= cap.maxHeight();
    }

    /**
     * The master playlist without the variants (and I-frame variants) above {@code cap}, and when
     * {@code resolutionRequired} also without those that declare no resolution.
     */
    static String filterMaster(String playlist, Quality cap, boolean resolutionRequired) {
        String[] lines = playlist.split("\r?\n", -1);
        List<String> kept = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                int uriLine = i + 1;
                while (uriLine < lines.length && (lines[uriLine].isBlank() || lines[uriLine].startsWith("#"))) {
                    uriLine++;
                }
                String uri = uriLine < lines.length ? lines[uriLine].strip() : "";
                if (tooTall(line, uri, cap, resolutionRequired)) {
                    i = uriLine; // drop the tag and its URI line
                    continue;
                }
            } else if (line.startsWith("#EXT-X-I-FRAME-STREAM-INF:")) {
                Matcher uri = URI_ATTRIBUTE.matcher(line);
                if (tooTall(line, uri.find() ? uri.group(1) : "", cap, resolutionRequired)) {
                    continue;
                }
            }
            kept.add(line);
        }
        return String.join("\n", kept);
    }

    private static boolean tooTall(String tag, String uri, Quality cap, boolean resolutionRequired) {
        Matcher resolution = RESOLUTION.matcher(tag);
        if (!resolution.find()) {
            return resolutionRequired || !allows(uri, cap);
        }
        return Integer.parseInt(resolution.group(1)) > cap.maxHeight() || !allows(uri, cap);
    }

    private static OptionalInt rungHeight(String file) {
        Matcher m = RUNG_FOLDER.matcher(file);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
