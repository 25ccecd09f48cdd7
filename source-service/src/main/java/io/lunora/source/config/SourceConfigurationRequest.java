package io.lunora.source.config;

import io.lunora.model.validation.FreeText;
import io.lunora.model.validation.FreeTexts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/sources/config}. {@code version} is the version the admin read
 * (absent only when the organization has no configuration yet).
 */
public record SourceConfigurationRequest(
        @NotBlank @FreeText(max = 80) String name,
        @NotNull @Pattern(regexp = "single|auto_failover|manual", message = "must be single, auto_failover or manual")
        String redundancyMode,
        @NotNull @Min(1) @Max(60) Integer failoverThreshold,
        @NotNull @Min(1) @Max(60) Integer healthCheckInterval,
        @Pattern(regexp = "stay|return_to_primary", message = "must be stay or return_to_primary") String failback,
        @Min(5) @Max(3600) Integer failbackAfter,
        @NotNull @Valid Source primarySource,
        @Valid Source secondarySource,
        @Min(1) Long version) {

    /**
     * One encoder. {@code passphrase} is write-only: absent keeps the stored one,
     * {@code remove_passphrase} drops it. SRT passphrases are 10 to 79 characters.
     */
    public record Source(
            @NotBlank @FreeText(max = 60) String name,
            @NotNull @Pattern(regexp = "listener|caller", message = "must be listener or caller") String mode,
            @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]]+", message = "must be a host name or IP address")
            String host,
            @NotNull @Min(1024) @Max(65535) Integer port,
            @Min(20) @Max(8000) Integer latencyMs,
            @Size(min = 10, max = 79) String passphrase,
            Boolean removePassphrase,
            Integer pbkeylen,
            @Size(max = 512) String streamId) {

        public Source {
            name = FreeTexts.normalized(name);
        }

        @Override
        public String toString() {
            // records print every component; this one must never print the passphrase
            return "Source[name=" + name + ", mode=" + mode + ", host=" + host + ", port=" + port + "]";
        }
    }

    public SourceConfigurationRequest {
        name = FreeTexts.normalized(name);
    }

    @Override
    public String toString() {
        return "SourceConfigurationRequest[name=" + name + ", mode=" + redundancyMode + ", version=" + version + "]";
    }
}
