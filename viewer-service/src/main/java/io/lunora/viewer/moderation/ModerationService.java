package io.lunora.viewer.moderation;

import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The moderation queue: viewers file reports, moderators resolve them once. */
@Service
public class ModerationService {
    private final ReportStore store;
    private final Clock clock;

    ModerationService(ReportStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Report file(String reporterId, String streamId, String type, String description, String messageId,
            String reportedViewerId) {
        Report report = new Report(UUID.randomUUID().toString(), streamId, reporterId, type,
                description == null || description.isBlank() ? null : description.strip(), messageId, reportedViewerId,
                "pending", null, null, null, Instant.now(clock).toString(), null);
        store.create(report);
        return report;
    }

    public List<Report> queue(String status) {
        return store.list(status);
    }

    public Report pending(String reportId) {
        Report report = store.find(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        if (!"pending".equals(report.status())) {
            throw new ConflictException("The report was already resolved (" + report.resolution() + ").");
        }
        return report;
    }

    public Report markResolved(String reportId, String moderatorId, String resolution, String note) {
        if (!store.resolve(reportId, moderatorId, resolution, note, Instant.now(clock).toString())) {
            throw new ConflictException("The report was resolved by another moderator meanwhile.");
        }
        return store.find(reportId).orElseThrow();
    }
}
