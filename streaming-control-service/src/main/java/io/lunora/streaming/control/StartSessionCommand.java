package io.lunora.streaming.control;

import io.lunora.model.viewer.StreamDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/streaming/start}: the destinations to push to (absent: the
 * enabled auto-start ones), whether to record the program, and the catalog entry the viewer
 * portal shows it under (absent: a draft entry named after the session) with the title,
 * description and category viewers see of a new entry ({@code catalog}; absent: "Live stream").
 */
public record StartSessionCommand(
        @Size(max = 20) List<@Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is not a destination id") String> destinationIds,
        Boolean recording,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is not a stream id") String streamId,
        @Valid StreamDetails catalog) {
}
