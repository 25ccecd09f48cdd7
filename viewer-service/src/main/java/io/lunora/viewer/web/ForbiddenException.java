package io.lunora.viewer.web;

/** The caller is known but may not do this (tier too low, parental controls, disabled account); the message says why. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
