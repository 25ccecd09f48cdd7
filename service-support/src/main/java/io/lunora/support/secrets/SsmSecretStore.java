package io.lunora.support.secrets;

import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Secrets as SSM Parameter Store SecureStrings encrypted with the configured KMS key. */
public class SsmSecretStore implements SecretStore {
    private final SsmClient ssm;
    private final String kmsKeyId;

    public SsmSecretStore(SsmClient ssm, String kmsKeyId) {
        this.ssm = ssm;
        this.kmsKeyId = kmsKeyId;
    }

    @Override
    public void put(String name, String value) {
        ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING)
                .keyId(kmsKeyId).overwrite(true));
    }

    @Override
    public Optional<String> get(String name) {
        try {
            return Optional.of(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String name) {
        try {
            ssm.deleteParameter(b -> b.name(name));
        } catch (ParameterNotFoundException missing) {
            // already gone: delete is idempotent
        }
    }
}
