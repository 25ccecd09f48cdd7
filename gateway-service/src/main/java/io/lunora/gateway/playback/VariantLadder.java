package io.lunora.gateway.playback;

import io.lunora.model.viewer.Quality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The variants of an origin whose files are named by variant number rather than kept in rung
 * folders (MediaPackage v1: master {@code index.m3u8}, variant playlists {@code index_<n>.m3u8},
 * segments {@code index_<n>_<seq>.ts|aac|vtt}, all in one folder), learnt from its master
 * playlist: variant number to picture height ({@code RESOLUTION=}), and the renditions without a
 * picture ({@code #EXT-X-MEDIA} audio and subtitles). A tier's cap then holds on every file: a
 * variant taller than the cap is refused, and while the ladder holds anything back from the tier a
 * file it cannot place (not listed, or a video variant without a resolution) is refused too.
 *
 * @param heights     video variant number to height; 0 when the master declares no resolution
 * @param pictureless variant numbers of audio or subtitle renditions
 * @param elsewhere   heights (0: unknown) of video variants whose URI is not a variant of this folder
 */
record VariantLadder(String stem, Map<Integer, Integer> heights, Set<Integer> pictureless, List<Integer> elsewhere) {
    private static final Pattern RESOLUTION = Pattern.compile("RESOLUTION=\\d+x(\\d+)");
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");
    private static final Pattern TYPE_ATTRIBUTE = Pattern.compile("TYPE=([A-Z-]+)");

    VariantLadder {
        heights = Map.copyOf(heights);
        pictureless = Set.copyOf(pictureless);
        elsewhere = List.copyOf(elsewhere);
    }

    /**
     * @param master the master playlist as the origin serves it
     * @param stem   the master's name without {@code .m3u8}, which every variant file starts with
     */
    static VariantLadder parse(String master, String stem) {
        Map<Integer, Integer> heights = new HashMap<>();
        Set<Integer> pictureless = new HashSet<>();
        List<Integer> elsewhere = new ArrayList<>();
        String[] lines = master.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                int uriLine = i + 1;
                while (uriLine < lines.length && (lines[uriLine].isBlank() || lines[uriLine].startsWith("#"))) {
                    uriLine++;
                }
                String uri = uriLine < lines.length ? lines[uriLine].strip() : "";
                variantPlaylist(uri, stem).ifPresentOrElse(n -> heights.merge(n, height(line), Math::max),
                        () -> elsewhere.add(height(line)));
                i = uriLine;
            } else if (line.startsWith("#EXT-X-I-FRAME-STREAM-INF:")) {
                uriAttribute(line).flatMap(uri -> variantPlaylist(uri, stem)).ifPresentOrElse(
                        n -> heights.merge(n, height(line), Math::max), () -> elsewhere.add(height(line)));
            } else if (line.startsWith("#EXT-X-MEDIA:")) {
                Matcher type = TYPE_ATTRIBUTE.matcher(line);
                boolean picture = !type.find() || type.group(1).equals("VIDEO");
                uriAttribute(line).flatMap(uri -> variantPlaylist(uri, stem)).ifPresent(n -> {
                    if (picture) {
                        heights.merge(n, height(line), Math::max);
                    } else {
                        pictureless.add(n);
                    }
                });
            }
        }
        return new VariantLadder(stem, heights, pictureless, elsewhere);
    }

    /**
     * True when some variant is, or may be, above {@code cap}: the filtered master leaves it out. A
     * master without a single variant of this folder holds back everything (fails closed).
     */
    boolean withholds(Quality cap) {
        return heights.isEmpty() || Stream.concat(heights.values().stream(), elsewhere.stream())
                .anyMatch(h -> h == 0 || h > cap.maxHeight());
    }

    /** Whether a viewer capped at {@code cap} may fetch {@code file} (the master itself is filtered, not refused). */
    boolean allows(String file, Quality cap) {
        if (!withholds(cap)) {
            return true;
        }
        Optional<Integer> variant = variantOf(file, stem);
        if (variant.isEmpty()) {
            return false;
        }
        if (pictureless.contains(variant.get()) && !heights.containsKey(variant.get())) {
            return true;
        }
        Integer height = heights.get(variant.get());
        return height != null && height > 0 && height <= cap.maxHeight();
    }

    /** {@code <stem>_<n>.m3u8} or {@code <stem>_<n>_<anything>.ts|aac|vtt|m3u8}: variant {@code n}. */
    static Optional<Integer> variantOf(String file, String stem) {
        Matcher m = Pattern.compile(Pattern.quote(stem) + "_(\\d{1,4})(?:\\.m3u8|_[A-Za-z0-9-]{1,64}\\.(?:ts|aac|vtt|m3u8))")
                .matcher(file);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** A URI of the master naming a variant playlist of this folder; a query (MediaPackage may add one) is ignored. */
    private static Optional<Integer> variantPlaylist(String uri, String stem) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return path.endsWith(".m3u8") ? variantOf(path, stem) : Optional.empty();
    }

    private static Optional<String> uriAttribute(String tag) {
        Matcher m = URI_ATTRIBUTE.matcher(tag);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static int height(String tag) {
        Matcher m = RESOLUTION.matcher(tag);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
