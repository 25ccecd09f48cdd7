package io.lunora.auth.mail;

import java.time.Duration;

/**
 * The account mails auth-service sends, as subject and text; {@link AccountMailer} sends any of
 * them. Secrets (temporary passwords, codes) go into the mail only, never into answers or logs.
 */
public record AccountMail(String subject, String text) {

    /** A new user's invitation with the temporary password. */
    public static AccountMail invitation(String username, String temporaryPassword, String signInUrl) {
        return new AccountMail("Your Lunora Live invitation", """
                Hello %s,

                an administrator of your organization invited you to Lunora Live.

                User name:          %s
                Temporary password: %s

                Sign in at %s
                You will then choose your own password and set up two-step verification
                with an authenticator app.
                """.formatted(username, username, temporaryPassword, signInUrl));
    }

    /** An admin reset the password: the temporary one. */
    public static AccountMail temporaryPassword(String username, String temporaryPassword, String signInUrl) {
        return new AccountMail("Your Lunora Live password was reset", """
                Hello %s,

                an administrator of your organization reset your password. Every device
                signed in to your account has been signed out.

                User name:          %s
                Temporary password: %s

                Sign in at %s
                You will then choose a new password of your own.
                """.formatted(username, username, temporaryPassword, signInUrl));
    }

    /** The user asked to reset their own password ("Forgot password"). */
    public static AccountMail resetCode(String username, String code, Duration validFor) {
        return new AccountMail("Reset your Lunora Live password", """
                Hello %s,

                someone asked to reset the password of your Lunora Live account.

                Reset code: %s

                Enter it on the sign-in page within %d minutes to choose a new password;
                it works once. If it was not you, ignore this mail: your password stays as it is.
                """.formatted(username, code, validFor.toMinutes()));
    }

    /** Self-registration's verification code. */
    public static AccountMail verificationCode(String username, String code, String verifyUrl) {
        return new AccountMail("Your Lunora Live verification code", """
                Hello %s,

                welcome to Lunora Live. Your verification code is:

                Verification code: %s

                Enter it at %s
                The code is valid for one hour. If you did not create this account, ignore this mail.
                """.formatted(username, code, verifyUrl));
    }

    /** Someone registered with an address that already has an account: told to its owner, not the registrant. */
    public static AccountMail alreadyRegistered(String existingUsername, String signInHint) {
        return new AccountMail("Your Lunora Live account", """
                Hello %s,

                someone tried to create a new Lunora Live account with this email address, which
                already belongs to your account (user name: %s). No new account was created.

                If it was you, %s
                If it was not you, you can ignore this mail.
                """.formatted(existingUsername, existingUsername, signInHint));
    }
}
