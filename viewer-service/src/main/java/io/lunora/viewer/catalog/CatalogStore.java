package io.lunora.viewer.catalog;

import io.lunora.model.viewer.CatalogSessionEvent;
import java.util.List;
import java.util.Optional;

/**
 * Where the stream catalog is kept (StreamCatalog). Writes to an entry that was deleted meanwhile
 * change nothing, unless said otherwise.
 */
public interface CatalogStore {

    Optional<CatalogEntry> find(String streamId);

    /** The whole catalog for browsing: may be a few seconds old, but never older than this instance's last write. */
    List<CatalogEntry> listed();

    /** The whole catalog, read now. */
    List<CatalogEntry> all();

    /**
     * Writes the editorial fields. {@code expectedVersion} null creates the entry and fails with a
     * {@link io.lunora.support.problem.ConflictException} when it exists; otherwise the stored
     * version must match, or the write fails with a {@link io.lunora.support.problem.ConcurrentChangeException}.
     */
    void saveEditorial(CatalogEntry entry, Long expectedVersion);

    /** A session went live: live fields are set, and a missing entry is created as a public draft. */
    void markLive(CatalogSessionEvent event, String now);

    /** A session ended; false when the entry is unknown. */
    boolean markEnded(String streamId, String endedAt);

    /** Whether any entry names this creator. */
    boolean hasCreator(String creatorId);

    void setViewerCount(String streamId, long count);

    /** Adds {@code delta} (negative to take away) to the like count, atomically. */
    void addLikes(String streamId, long delta);

    void setFeatured(String streamId, boolean featured);

    void setRemoved(String streamId, boolean removed);

    void setCategory(String streamId, String category);

    void delete(String streamId);
}
