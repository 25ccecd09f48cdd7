package io.lunora.auth.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.lunora.auth.DataFiles;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The issuer's RSA signing key, kept as a private JWK in the data folder (0600) so that tokens
 * issued before a restart still verify after it.
 */
final class SigningKey {
    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        String json = DataFiles.readOrCreate(file, SigningKey::generate);
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file + " is not a valid JWK", e);
        }
    }

    private static String generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
