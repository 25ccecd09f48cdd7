package io.lunora.viewer.social;

import io.lunora.support.security.Caller;
import io.lunora.viewer.catalog.CatalogRules;
import io.lunora.viewer.moderation.Report;
import io.lunora.viewer.viewing.LibraryChange;
import io.lunora.model.validation.FreeText;
import io.lunora.model.validation.FreeTexts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/social/like|comment|comments/{stream_id}|follow|report|block} and the live chat
 * ({@code POST /api/social/chat/{stream_id}}, {@code GET /api/social/chat/{stream_id}/events} as SSE).
 */
@RestController
@RequestMapping("/api/social")
class SocialController {
    static final String VIEWER_ID = "[A-Za-z0-9_:@.-]{1,128}";

    private final SocialService social;

    SocialController(SocialService social) {
        this.social = social;
    }

    record LikeRequest(
            @NotNull @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
            Boolean liked) {
    }

    record FollowRequest(
            @NotNull @Pattern(regexp = VIEWER_ID, message = "must be a creator id") String creatorId,
            Boolean followed) {
    }

    record BlockRequest(
            @NotNull @Pattern(regexp = VIEWER_ID, message = "must be a viewer id") String viewerId,
            Boolean blocked) {
    }

    /** The length limit is checked by the service (after trimming), so it is one rule in one place. */
    record CommentRequest(
            @NotNull @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
            @NotNull String text) {
    }

    record ChatRequest(@NotNull String text) {
    }

    record ReportRequest(
            @NotNull @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
            @NotNull @Pattern(regexp = "inappropriate|spam|copyright", message = "must be one of inappropriate, spam, copyright") String reportType,
            @FreeText(max = 1000, multiline = true) String description,
            @Size(max = 200) String messageId) {
        ReportRequest {
            description = FreeTexts.normalized(description);
        }
    }

    @PostMapping("/like")
    LikeChange like(Caller caller, @Valid @RequestBody LikeRequest request) {
        return social.like(caller, request.streamId(), request.liked() == null || request.liked());
    }

    @PostMapping("/follow")
    LibraryChange follow(Caller caller, @Valid @RequestBody FollowRequest request) {
        return social.follow(caller, request.creatorId(), request.followed() == null || request.followed());
    }

    @PostMapping("/block")
    LibraryChange block(Caller caller, @Valid @RequestBody BlockRequest request) {
        return social.block(caller, request.viewerId(), request.blocked() == null || request.blocked());
    }

    @PostMapping("/comment")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView comment(Caller caller, @Valid @RequestBody CommentRequest request) {
        return social.comment(caller, request.streamId(), request.text());
    }

    @GetMapping("/comments/{streamId}")
    List<MessageView> comments(Caller caller, @PathVariable String streamId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return social.comments(caller, streamId, limit);
    }

    @PostMapping("/report")
    @ResponseStatus(HttpStatus.CREATED)
    Report report(Caller caller, @Valid @RequestBody ReportRequest request) {
        return social.report(caller, request.streamId(), request.reportType(), request.description(), request.messageId());
    }

    @PostMapping("/chat/{streamId}")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView chat(Caller caller, @PathVariable String streamId, @Valid @RequestBody ChatRequest request) {
        return social.chat(caller, streamId, request.text());
    }

    @GetMapping(path = "/chat/{streamId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter chatEvents(Caller caller, @PathVariable String streamId) {
        return social.chatEvents(caller, streamId);
    }
}
