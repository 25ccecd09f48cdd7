package io.lunora.engine.recording;

import io.lunora.model.media.RecordingEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where recordings lie: {@code <dataDir>/recordings/<organization>/<session>/program-NNNNN.ts}, one
 * folder per session, its files in the order they were written. Callers pass identifiers already
 * checked against {@code ChannelRequest.ID} (no separators, no {@code ..}); the resolved folder is
 * checked to stay inside the organization's folder all the same.
 */
public final class RecordingFolders {
    static final String FILE_PATTERN = "program-%05d.ts";

    private final Path root;

    private RecordingFolders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static RecordingFolders of(Path dataDir) {
        return new RecordingFolders(dataDir.resolve("recordings"));
    }

    /** The session's folder; the recorder creates it. */
    public Path session(String organizationId, String sessionId) {
        Path organization = organization(organizationId);
        Path folder = organization.resolve(sessionId).normalize();
        if (!organization.equals(folder.getParent())) {
            throw new IllegalArgumentException("identifier leaves the recordings folder");
        }
        return folder;
    }

    private Path organization(String organizationId) {
        Path organization = root.resolve(organizationId).normalize();
        if (!root.equals(organization.getParent())) {
            throw new IllegalArgumentException("identifier leaves the recordings folder");
        }
        return organization;
    }

    /** The organization's recordings, newest first; {@code writing} tells which session records now. */
    public List<RecordingEntry> list(String organizationId, Predicate<String> writing) {
        Path organization = organization(organizationId);
        if (!Files.isDirectory(organization)) {
            return List.of();
        }
        List<RecordingEntry> entries = new ArrayList<>();
        try (Stream<Path> sessions = Files.list(organization)) {
            for (Path folder : sessions.filter(Files::isDirectory).toList()) {
                String sessionId = folder.getFileName().toString();
                entry(sessionId, files(folder), writing.test(sessionId)).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recordings", e);
        }
        entries.sort(Comparator.comparing(RecordingEntry::firstWrittenAt).reversed());
        return entries;
    }

    /** The session's files in the order they were written; empty when it has none. */
    public List<Path> files(String organizationId, String sessionId) {
        return files(session(organizationId, sessionId));
    }

    /** Removes the session's recording; false when there was none. */
    public boolean delete(String organizationId, String sessionId) {
        Path folder = session(organizationId, sessionId);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the recording", e);
        }
        return true;
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // the number is zero-padded: the names sort in the order the files were written
            return files.filter(f -> f.getFileName().toString().matches("program-\\d+\\.ts")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recording's files", e);
        }
    }

    private static Optional<RecordingEntry> entry(String sessionId, List<Path> files, boolean writing)
            throws IOException {
        if (files.isEmpty() && !writing) {
            return Optional.empty();
        }
        long bytes = 0;
        Instant first = null;
        Instant last = null;
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            bytes += attributes.size();
            Instant created = attributes.creationTime().toInstant();
            Instant modified = attributes.lastModifiedTime().toInstant();
            first = first == null || created.isBefore(first) ? created : first;
            last = last == null || modified.isAfter(last) ? modified : last;
        }
        Instant now = Instant.now();
        return Optional.of(new RecordingEntry(sessionId, bytes, files.size(), first == null ? now : first,
                last == null ? now : last, writing));
    }
}
