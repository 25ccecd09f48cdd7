package io.lunora.support.secrets;

/** The only form in which a secret may leave a service: {@code ****abcd}. */
public final class SecretMask {
    private SecretMask() {
    }

    /** Shows the last four characters of values long enough that four reveal little; else only stars. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return secret.length() >= 12 ? "****" + secret.substring(secret.length() - 4) : "****";
    }
}
