package io.lunora.streaming.recordings;

import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.io.OutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The organization's recordings, one per session, with the session's rules: an operator sees,
 * downloads and deletes the recordings of the sessions they started, an admin every one of the
 * organization ({@link Caller#mayAccess}); anything else, another organization's included, is
 * answered as not found. A recording still being written cannot be deleted.
 */
@Service
public class RecordingService {
    /** The sessions' ids: letters, digits, '_' and '-' only, so no id can name a path. */
    static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final RecordingStore store;
    private final SessionStore sessions;

    public RecordingService(RecordingStore store, SessionStore sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** A recording the caller may see, with what its store says of it. */
    public record Visible(RecordingView view, RecordingStore.StoredRecording stored) {
        public boolean writing() {
            return RecordingView.RECORDING.equals(view.state());
        }
    }

    public List<RecordingView> list(Caller caller) {
        String org = caller.requireOrganization();
        return store.list(org).stream().map(r -> visible(caller, org, r)).flatMap(Optional::stream)
                .map(Visible::view).toList();
    }

    /** The recording if the caller may see it; 404 otherwise, whether it exists or not. */
    public Visible find(Caller caller, String id) {
        if (id == null || !id.matches(ID)) {
            throw new InvalidFieldException("id", "must be a session id: 1 to 64 letters, digits, '_' or '-'");
        }
        String org = caller.requireOrganization();
        return store.list(org).stream().filter(r -> r.sessionId().equals(id)).findFirst()
                .flatMap(r -> visible(caller, org, r))
                .orElseThrow(() -> new NotFoundException("recording", id));
    }

    public void copyTo(Caller caller, Visible recording, OutputStream out) throws IOException {
        store.copyTo(caller.requireOrganization(), recording.view().id(), out);
    }

    public void delete(Caller caller, String id) {
        Visible recording = find(caller, id);
        if (recording.writing()) {
            throw new ConflictException("The recording is still being written: stop the session first.");
        }
        try {
            store.delete(caller.requireOrganization(), id);
        } catch (RecordingStore.RecordingInUseException stillWritten) {
            throw new ConflictException(stillWritten.getMessage());
        } catch (RecordingStore.RecordingNotFoundException gone) {
            throw new NotFoundException("recording", id);
        }
    }

    private Optional<Visible> visible(Caller caller, String org, RecordingStore.StoredRecording stored) {
        Optional<StreamSession> session = stored.sessionId().matches(ID)
                ? sessions.find(org, stored.sessionId()) : Optional.empty();
        // a recording whose session is no longer known is the admins' (as an item without an owner)
        if (!caller.mayAccess(session.map(StreamSession::startedById).orElse(null))) {
            return Optional.empty();
        }
        // S3 cannot tell what is still written: an open session that records is
        boolean writing = stored.writing()
                || session.filter(s -> s.status().isOpen() && s.recording()).isPresent();
        StreamSession known = session.orElse(null);
        Duration covered = Duration.between(stored.firstWrittenAt(), stored.lastWrittenAt());
        return Optional.of(new Visible(new RecordingView(stored.sessionId(),
                known == null ? null : known.streamId() != null ? known.streamId() : known.sessionId(),
                known == null ? null : known.startedBy(),
                known == null || known.startTime() == null ? stored.firstWrittenAt() : known.startTime(),
                writing ? null : known != null && known.endTime() != null ? known.endTime() : stored.lastWrittenAt(),
                stored.bytes(), Math.max(0, covered.toSeconds()),
                writing ? RecordingView.RECORDING : RecordingView.COMPLETE), stored));
    }
}
