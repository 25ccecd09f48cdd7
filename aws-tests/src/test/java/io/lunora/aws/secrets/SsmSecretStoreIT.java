package io.lunora.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.lunora.aws.LocalStack;
import io.lunora.support.secrets.SecretNames;
import io.lunora.support.secrets.SsmSecretStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The SSM secret store on LocalStack: SecureStrings with a KMS key under the specification's names. */
class SsmSecretStoreIT {
    static SsmClient ssm;
    static String kmsKeyArn;
    static SsmSecretStore store;

    @BeforeAll
    static void start() {
        ssm = LocalStack.ssm();
        kmsKeyArn = LocalStack.createKmsKey("lunora environment key (aws-tests)");
        store = new SsmSecretStore(ssm, kmsKeyArn);
    }

    @AfterAll
    static void close() {
        ssm.close();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldStoreAStreamKeyAsASecureStringWithTheConfiguredKey() {
        String name = SecretNames.streamKey("youtube", unique("d-"));

        store.put(name, "yt-live-key-0001-abcd");

        assertThat(store.get(name)).contains("yt-live-key-0001-abcd");
        ParameterMetadata stored = ssm.describeParameters(b -> b.parameterFilters(
                f -> f.key("Name").option("Equals").values(name))).parameters().get(0);
        assertThat(stored.name()).isEqualTo(name);
        assertThat(stored.type()).isEqualTo(ParameterType.SECURE_STRING);
        // the key as configured (its ARN), or its key id
        assertThat(stored.keyId()).satisfiesAnyOf(key -> assertThat(key).isEqualTo(kmsKeyArn),
                key -> assertThat(kmsKeyArn).endsWith(":key/" + key));
    }

    @Test
    void shouldKeepThePreviousKeyAsAnEarlierVersionWhenAKeyIsRotated() {
        String name = SecretNames.streamKey("twitch", unique("d-"));
        store.put(name, "live_0001_old-key-value");

        store.put(name, "live_0002_new-key-value");

        assertThat(store.get(name)).contains("live_0002_new-key-value");
        assertThat(ssm.getParameterHistory(b -> b.name(name).withDecryption(true)).parameters())
                .extracting(ParameterHistory::version, ParameterHistory::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "live_0001_old-key-value"),
                        org.assertj.core.groups.Tuple.tuple(2L, "live_0002_new-key-value"));
    }

    /**
     * Source passphrases are rotated by name, not by version: the new passphrase is a new
     * parameter, and the old one stays readable until the configuration naming the new one is
     * saved, then source-service deletes it.
     */
    @Test
    void shouldKeepTheOldSrtPassphraseUntilItIsDeletedAfterTheNewOneIsConfirmed() {
        String old = SecretNames.sourceSrtConfig("videon-a", unique("r-"));
        String next = SecretNames.sourceSrtConfig("videon-a", unique("r-"));
        store.put(old, "old-srt-passphrase-16");

        store.put(next, "new-srt-passphrase-16");

        assertThat(store.get(old)).contains("old-srt-passphrase-16");
        assertThat(store.get(next)).contains("new-srt-passphrase-16");
        assertThat(ssm.getParametersByPath(b -> b.path("/lunora-player/sources/videon-a").withDecryption(true))
                .parameters()).extracting(Parameter::name).contains(old, next);

        store.delete(old);

        assertThat(store.get(old)).isEmpty();
        assertThat(store.get(next)).contains("new-srt-passphrase-16");
    }

    @Test
    void shouldTreatAMissingSecretAsEmptyAndDeleteIdempotently() {
        String name = SecretNames.streamKey("linkedin", unique("d-"));
        store.put(name, "li-key-0001-abcdefgh");

        store.delete(name);

        assertThat(store.get(name)).isEmpty();
        assertThatNoException().isThrownBy(() -> store.delete(name));
        assertThat(store.get(SecretNames.streamKey("linkedin", unique("never-")))).isEmpty();
    }
}
