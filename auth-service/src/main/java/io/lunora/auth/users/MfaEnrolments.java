package io.lunora.auth.users;

/**
 * What user administration needs of MFA: dropping a user's enrolment (an admin's reset, a deleted
 * viewer). Implemented by the MFA service, which depends on users; declaring it here keeps that
 * dependency one way.
 */
public interface MfaEnrolments {

    /** The user without TOTP enrolment or backup codes, the authenticator's secret deleted. */
    UserAccount withoutEnrolment(UserAccount user);
}
