package io.lunora.viewer.catalog;

import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Editing the catalog: consumer admins' entries, featuring, categories, and moderation's removals. */
@Service
public class CatalogEditor {
    private final CatalogStore store;

    CatalogEditor(CatalogStore store) {
        this.store = store;
    }

    /** Every entry, including drafts and entries removed by moderation; newest first. */
    public List<CatalogEntry> all() {
        return store.all().stream().sorted(Comparator.comparing(CatalogEntry::createdAt,
                Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    /** The entry as stored, or a 404. */
    public CatalogEntry existing(String streamId) {
        return store.find(streamId).orElseThrow(() -> new NotFoundException("stream", streamId));
    }

    /** Creates the entry; a conflict when its stream id is taken. */
    public CatalogEntry create(CatalogEntry entry) {
        store.saveEditorial(entry, null);
        return store.find(entry.streamId()).orElseThrow();
    }

    /** Replaces the editorial fields if the stored version is {@code expectedVersion}. */
    public CatalogEntry update(CatalogEntry entry, long expectedVersion) {
        store.saveEditorial(entry, expectedVersion);
        return store.find(entry.streamId()).orElseThrow();
    }

    public CatalogEntry setFeatured(String streamId, boolean featured) {
        existing(streamId);
        store.setFeatured(streamId, featured);
        return existing(streamId);
    }

    /** Restores an entry that moderation removed. */
    public CatalogEntry restore(String streamId) {
        existing(streamId);
        store.setRemoved(streamId, false);
        return existing(streamId);
    }

    /** Moderation removes the entry from every listing and look-up (it stays for the admins). */
    public void remove(String streamId) {
        store.setRemoved(streamId, true);
    }

    public void delete(String streamId) {
        if (existing(streamId).isLive()) {
            throw new ConflictException("The stream is live; end its session before deleting the entry.");
        }
        store.delete(streamId);
    }

    /** Moves every entry of category {@code from} to {@code to}; how many moved (a 404 when none). */
    public int renameCategory(String from, String to) {
        List<CatalogEntry> moved = store.all().stream().filter(e -> from.equals(e.category())).toList();
        if (moved.isEmpty()) {
            throw new NotFoundException("category", from);
        }
        moved.forEach(e -> store.setCategory(e.streamId(), to));
        return moved.size();
    }
}
