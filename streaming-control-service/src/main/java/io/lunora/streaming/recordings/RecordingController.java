package io.lunora.streaming.recordings;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import io.lunora.support.security.Caller;

/**
 * {@code /api/recordings}: the program's recordings, one per session (docs/architecture.md). A
 * download is streamed from the store as it is read, never held here.
 */
@RestController
@RequestMapping("/api/recordings")
class RecordingController {
    static final MediaType MPEG_TS = MediaType.parseMediaType("video/mp2t");

    private final RecordingService recordings;

    RecordingController(RecordingService recordings) {
        this.recordings = recordings;
    }

    @GetMapping
    List<RecordingView> list(Caller caller) {
        return recordings.list(caller);
    }

    /**
     * One MPEG-TS file. A finished recording announces its length; one still written sends what
     * it holds when asked, its length not known ahead.
     */
    @GetMapping("/{id}/file")
    ResponseEntity<StreamingResponseBody> file(Caller caller, @PathVariable String id) {
        RecordingService.Visible recording = recordings.find(caller, id);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MPEG_TS)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lunora-recording-" + id + ".ts\"");
        if (!recording.writing()) {
            answer.contentLength(recording.stored().bytes());
        }
        return answer.body(out -> recordings.copyTo(caller, recording, out));
    }

    /** 204; 409 while the session still records. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        recordings.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
