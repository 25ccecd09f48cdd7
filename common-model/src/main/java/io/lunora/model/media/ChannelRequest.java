package io.lunora.model.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A channel's session: the body of the media engine's {@code PUT /internal/engine/channels/{org}},
 * which streaming-control-service sends when a session starts. Its {@link Inputs} are also the body
 * of {@code PUT /internal/engine/channels/{org}/inputs} (the inputs kept warm before any session)
 * and source-service's answer to {@code GET /internal/sources/config}. One definition for the
 * three seams, so the caller's request and the callee's validation cannot drift apart.
 */
public record ChannelRequest(
        @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String organizationId,
        @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String sessionId,
        @NotNull @Valid Inputs inputs,
        boolean recording) {

    /** An organization, session or destination id as the engine accepts it in paths and bodies. */
    public static final String ID = "[A-Za-z0-9_.-]{1,64}";
    public static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    /**
     * @param mode              {@code single}, {@code auto_failover} or {@code manual}
     * @param failoverThreshold seconds of lost signal before an automatic switch
     * @param failback          {@code stay} or {@code return_to_primary}
     * @param secondary         required unless {@code single} (checked by the engine, which names the field)
     */
    public record Inputs(
            @NotNull @Pattern(regexp = "single|auto_failover|manual", message = "must be single, auto_failover or manual")
            String mode,
            @Min(1) @Max(60) int failoverThreshold,
            @Pattern(regexp = "stay|return_to_primary", message = "must be stay or return_to_primary") String failback,
            @Min(0) @Max(3600) int failbackAfter,
            @NotNull @Valid Input primary,
            @Valid Input secondary) {
    }

    /** One SRT input; {@link #toString()} never prints the passphrase or stream id. */
    public record Input(
            @Size(max = 60) String name,
            @NotNull @Pattern(regexp = "listener|caller", message = "must be listener or caller") String mode,
            @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]]+", message = "must be a host name or IP address")
            String host,
            @Min(1024) @Max(65535) int port,
            @Min(20) @Max(8000) int latencyMs,
            @Size(min = 10, max = 79) String passphrase,
            Integer pbkeylen,
            @Size(max = 512) @Pattern(regexp = "\\S*", message = "must not contain spaces") String streamId) {
        @Override
        public String toString() {
            return "Input[" + name + ", " + mode + " " + host + ":" + port + ", encrypted=" + (passphrase != null) + "]";
        }
    }
}
