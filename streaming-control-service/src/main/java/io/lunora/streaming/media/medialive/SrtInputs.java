package io.lunora.streaming.media.medialive;

import io.lunora.model.media.ChannelRequest;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.Algorithm;
import software.amazon.awssdk.services.medialive.model.Input;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.SrtCallerDecryptionRequest;
import software.amazon.awssdk.services.medialive.model.SrtCallerSourceRequest;
import software.amazon.awssdk.services.medialive.model.SrtSettingsRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The organization's two SRT caller inputs ({@code {org}-{env}-videon-a|b}): MediaLive calls the
 * encoders, which listen at the configured host and port (only caller inputs can form a failover
 * pair). A passphrase goes to Secrets Manager, where MediaLive reads it; it never appears in a
 * MediaLive request.
 */
class SrtInputs {
    private final MediaLiveClient medialive;
    private final SecretsManagerClient secrets;
    private final MediaLiveSettings settings;

    SrtInputs(MediaLiveClient medialive, SecretsManagerClient secrets, MediaLiveSettings settings) {
        this.medialive = medialive;
        this.secrets = secrets;
        this.settings = settings;
    }

    /** An input as it should be: its id when it exists, and whether MediaLive must be told. */
    record Planned(String name, String existingId, SrtSettingsRequest settings, boolean changed) {
    }

    /**
     * What the input needs to match the source. The passphrase is stored in Secrets Manager now;
     * MediaLive reads it when the channel starts.
     */
    Planned plan(String organizationId, String which, ChannelRequest.Input source) {
        if (source.host() == null || source.host().isBlank() || "0.0.0.0".equals(source.host())) {
            throw new IllegalArgumentException("on MediaLive the " + which
                    + " encoder must listen: its source needs the encoder's host and port");
        }
        String name = organizationId + "-" + settings.environment() + "-" + which;
        SrtSettingsRequest srt = SrtSettingsRequest.builder().srtCallerSources(SrtCallerSourceRequest.builder()
                .srtListenerAddress(source.host()).srtListenerPort(Integer.toString(source.port()))
                .minimumLatency(source.latencyMs()).streamId(source.streamId())
                .decryption(decryption(organizationId, which, source)).build()).build();
        Optional<Input> existing = medialive.listInputsPaginator(b -> b.maxResults(100)).inputs().stream()
                .filter(i -> name.equals(i.name())).findFirst();
        return existing.map(i -> new Planned(name, i.id(), srt, !srt.equals(asRequest(i))))
                .orElseGet(() -> new Planned(name, null, srt, true));
    }

    /** Creates or updates the input as planned (an attached input only while its channel is idle). */
    String apply(String organizationId, Planned planned) {
        if (planned.existingId() == null) {
            return medialive.createInput(b -> b.name(planned.name()).type(InputType.SRT_CALLER)
                    .srtSettings(planned.settings()).tags(tags(organizationId, planned.name()))).input().id();
        }
        if (planned.changed()) {
            medialive.updateInput(b -> b.inputId(planned.existingId()).srtSettings(planned.settings()));
        }
        return planned.existingId();
    }

    private static SrtSettingsRequest asRequest(Input input) {
        if (input.srtSettings() == null) {
            return null;
        }
        return SrtSettingsRequest.builder().srtCallerSources(input.srtSettings().srtCallerSources().stream()
                .map(s -> SrtCallerSourceRequest.builder().srtListenerAddress(s.srtListenerAddress())
                        .srtListenerPort(s.srtListenerPort()).minimumLatency(s.minimumLatency()).streamId(s.streamId())
                        .decryption(s.decryption() == null ? null : SrtCallerDecryptionRequest.builder()
                                .algorithm(s.decryption().algorithm())
                                .passphraseSecretArn(s.decryption().passphraseSecretArn()).build())
                        .build())
                .toList()).build();
    }

    Map<String, String> tags(String organizationId, String name) {
        return Map.of("lunora:organization", organizationId, "lunora:environment", settings.environment(),
                "Name", name);
    }

    /**
     * Stores an SRT passphrase where MediaLive reads it ({@code {prefix}{which}}, the environment's
     * KMS key) and answers the secret's ARN; a later value replaces the earlier one.
     */
    String passphraseSecret(String organizationId, String which, String passphrase) {
        String secretName = settings.srtSecretPrefix() + which;
        try {
            return secrets.createSecret(b -> b.name(secretName).kmsKeyId(settings.kmsKeyId()).secretString(passphrase)
                    .tags(t -> t.key("lunora:organization").value(organizationId))).arn();
        } catch (ResourceExistsException exists) {
            return secrets.putSecretValue(b -> b.secretId(secretName).secretString(passphrase)).arn();
        }
    }

    private SrtCallerDecryptionRequest decryption(String organizationId, String which, ChannelRequest.Input source) {
        if (source.passphrase() == null || source.passphrase().isEmpty()) {
            return null;
        }
        String arn = passphraseSecret(organizationId, which, source.passphrase());
        int keyLength = source.pbkeylen() == null ? 16 : source.pbkeylen();
        Algorithm algorithm = switch (keyLength) {
            case 24 -> Algorithm.AES192;
            case 32 -> Algorithm.AES256;
            default -> Algorithm.AES128;
        };
        return SrtCallerDecryptionRequest.builder().algorithm(algorithm).passphraseSecretArn(arn).build();
    }
}
