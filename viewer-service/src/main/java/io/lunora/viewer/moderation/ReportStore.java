package io.lunora.viewer.moderation;

import java.util.List;
import java.util.Optional;

/** Where moderation reports are kept (ContentModeration). */
public interface ReportStore {

    void create(Report report);

    Optional<Report> find(String reportId);

    /** Reports, newest first; {@code status} null means all. */
    List<Report> list(String status);

    List<Report> byReporter(String reporterId);

    /** Resolves a pending report; false when somebody resolved it first. */
    boolean resolve(String reportId, String moderatorId, String resolution, String note, String now);

    /** After account deletion: the report stays for the moderation record, without the reporter's id. */
    void anonymiseReporter(String reportId, String marker);

    /** After account deletion: reports about the deleted viewer's messages keep an anonymous author. */
    void anonymiseReported(String reportId, String marker);
}
