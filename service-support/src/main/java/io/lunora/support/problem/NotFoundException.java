package io.lunora.support.problem;

/**
 * A resource that does not exist for the caller. A resource of another organization is reported
 * the same way, so its existence is never revealed.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String resource, String id) {
        super(resource + " '" + id + "' not found");
    }
}
