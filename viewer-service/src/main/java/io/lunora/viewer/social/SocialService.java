package io.lunora.viewer.social;

import io.lunora.model.viewer.AccessLevel;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.model.validation.FreeTexts;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import io.lunora.viewer.ViewerProperties;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogService;
import io.lunora.viewer.catalog.CatalogStore;
import io.lunora.viewer.moderation.ModerationService;
import io.lunora.viewer.moderation.Report;
import io.lunora.viewer.profile.LibrarySet;
import io.lunora.viewer.profile.ProfileService;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.TierResolver;
import io.lunora.viewer.viewing.LibraryChange;
import io.lunora.viewer.web.ForbiddenException;
import io.lunora.viewer.web.Visitor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Likes, follows, blocks, comments, live chat and reports. Library actions are idempotent (the
 * stored set decides whether anything changed); messages are length- and rate-limited, stored raw
 * and HTML-escaped on the way out; a viewer never receives messages of viewers they blocked.
 */
@Service
public class SocialService {
    static final int CHAT_BACKLOG = 50;

    private final CatalogService catalog;
    private final CatalogStore catalogStore;
    private final ProfileService profiles;
    private final TierResolver tiers;
    private final MessageStore messages;
    private final ChatHub hub;
    private final RateLimiter rateLimiter;
    private final ModerationService moderation;
    private final Clock clock;
    private final int maxLength;

    SocialService(CatalogService catalog, CatalogStore catalogStore, ProfileService profiles, TierResolver tiers,
            MessageStore messages, ChatHub hub, RateLimiter rateLimiter, ModerationService moderation, Clock clock,
            ViewerProperties properties) {
        this.catalog = catalog;
        this.catalogStore = catalogStore;
        this.profiles = profiles;
        this.tiers = tiers;
        this.messages = messages;
        this.hub = hub;
        this.rateLimiter = rateLimiter;
        this.moderation = moderation;
        this.clock = clock;
        this.maxLength = properties.chatMaxLength();
    }

    LikeChange like(Caller caller, String streamId, boolean liked) {
        entry(caller, streamId);
        boolean changed = profiles.setMember(caller, LibrarySet.LIKED, streamId, liked);
        if (changed) {
            catalogStore.addLikes(streamId, liked ? 1 : -1);
        }
        return new LikeChange(streamId, liked, changed, catalogStore.find(streamId).map(CatalogEntry::likeCount).orElse(0L));
    }

    LibraryChange follow(Caller caller, String creatorId, boolean followed) {
        if (followed && !catalogStore.hasCreator(creatorId)) {
            throw new NotFoundException("creator", creatorId);
        }
        return new LibraryChange(creatorId, followed, profiles.setMember(caller, LibrarySet.FOLLOWED, creatorId, followed));
    }

    LibraryChange block(Caller caller, String viewerId, boolean blocked) {
        if (viewerId.equals(caller.userId())) {
            throw new InvalidFieldException("viewer_id", "you cannot block yourself");
        }
        boolean changed = profiles.setMember(caller, LibrarySet.BLOCKED, viewerId, blocked);
        hub.updateBlocked(caller.userId(), profiles.ensure(caller).blockedViewers());
        return new LibraryChange(viewerId, blocked, changed);
    }

    MessageView comment(Caller caller, String streamId, String text) {
        entry(caller, streamId);
        return MessageView.of(post(caller, streamId, "comment", text));
    }

    List<MessageView> comments(Caller caller, String streamId, int limit) {
        entry(caller, streamId);
        return messages.latest(streamId, "comment", limit, profiles.ensure(caller).blockedViewers()).stream()
                .map(MessageView::of).toList();
    }

    MessageView chat(Caller caller, String streamId, String text) {
        watchableEntry(caller, streamId);
        MessageView view = MessageView.of(post(caller, streamId, "chat", text));
        hub.publish(view);
        return view;
    }

    SseEmitter chatEvents(Caller caller, String streamId) {
        watchableEntry(caller, streamId);
        ViewerProfile profile = profiles.ensure(caller);
        List<MessageView> backlog = messages.latest(streamId, "chat", CHAT_BACKLOG, profile.blockedViewers()).reversed()
                .stream().map(MessageView::of).toList();
        return hub.subscribe(streamId, caller.userId(), profile.blockedViewers(), backlog);
    }

    Report report(Caller caller, String streamId, String reportType, String description, String messageId) {
        entry(caller, streamId);
        String reported = null;
        if (messageId != null) {
            Message message = messages.find(messageId).filter(m -> m.streamId().equals(streamId))
                    .orElseThrow(() -> new NotFoundException("message", messageId));
            reported = message.authorId();
        }
        return moderation.file(caller.userId(), streamId, reportType, description, messageId, reported);
    }

    /** A moderator removed a message: delete it and tell open players. */
    public void removeMessage(String messageId) {
        messages.find(messageId).ifPresent(m -> {
            messages.delete(messageId);
            if ("chat".equals(m.kind())) {
                hub.retract(m.streamId(), messageId);
            }
        });
    }

    private Message post(Caller caller, String streamId, String kind, String text) {
        String trimmed = FreeTexts.normalized(text.strip());
        if (trimmed.isEmpty()) {
            throw new InvalidFieldException("text", "must not be blank");
        }
        // chat is one line; a comment may have line breaks
        FreeTexts.problem(trimmed, maxLength, "comment".equals(kind)).ifPresent(problem -> {
            throw new InvalidFieldException("text", problem);
        });
        ViewerProfile author = profiles.ensure(caller);
        rateLimiter.acquire(caller.userId());
        String name = author.displayName() != null ? author.displayName()
                : caller.username() != null ? caller.username() : "viewer";
        return messages.post(streamId, caller.userId(), name, kind, trimmed, Instant.now(clock));
    }

    private CatalogEntry entry(Caller caller, String streamId) {
        return catalog.visibleEntry(new Visitor(Optional.of(caller)), streamId);
    }

    /** Chat belongs to the audience: only viewers whose tier may watch the stream take part. */
    private CatalogEntry watchableEntry(Caller caller, String streamId) {
        CatalogEntry entry = entry(caller, streamId);
        AccessLevel level = AccessLevel.fromWireValue(entry.accessLevel()).orElse(AccessLevel.VIP);
        if (!tiers.tierOf(caller).canWatch(level)) {
            throw new ForbiddenException("The chat of " + level.wireValue() + " streams is open to viewers who can watch them.");
        }
        return entry;
    }
}
