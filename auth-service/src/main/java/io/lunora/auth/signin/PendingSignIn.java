package io.lunora.auth.signin;

import io.lunora.model.identity.Pool;
import java.io.Serializable;

/**
 * A sign-in between the password and the end of its steps, kept in the HTTP session.
 *
 * @param mfaPassed        a TOTP or backup code was accepted (or the enrolment just proved one)
 * @param enrolmentSecret  the TOTP secret shown on the enrolment page, stored only once confirmed
 */
record PendingSignIn(String userId, Pool pool, boolean mfaPassed, String enrolmentSecret) implements Serializable {
    static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();

    PendingSignIn withMfaPassed() {
        return new PendingSignIn(userId, pool, true, null);
    }

    PendingSignIn withEnrolmentSecret(String secret) {
        return new PendingSignIn(userId, pool, mfaPassed, secret);
    }
}
