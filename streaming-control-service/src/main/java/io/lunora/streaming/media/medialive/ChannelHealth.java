package io.lunora.streaming.media.medialive;

import io.lunora.streaming.media.ChannelStatus.InputHealth;
import io.lunora.streaming.media.ChannelStatus.OutputStatus;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.media.medialive.ChannelAlerts.Alert;
import io.lunora.streaming.media.medialive.ChannelMetrics.InputMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputPreference;

/**
 * What the channel's metrics and set alerts say about its inputs and outputs, mapped onto the
 * status the local engine reports. MediaLive measures only the input on air; the standby input of
 * a pair is known only through alerts and the failover settings, so its figures are approximations
 * (docs/aws.md, "Status").
 *
 * @param inputs       health of each attached input, in attachment order
 * @param down         attachments that show input loss
 * @param outputErrors per destination id, the alerts that name its output
 * @param outputChanges destinations whose alerts differ from {@code previousErrors}: their state changed
 */
record ChannelHealth(List<InputHealth> inputs, Set<String> down, Map<String, String> outputErrors,
        Set<String> outputChanges, String primary, boolean automatic, boolean primaryPreferred) {

    /** Alerts that mean an input delivers nothing usable (MediaLive's alert wording). */
    static final Set<String> INPUT_LOSS = Set.of("Input Failed Over", "Video Not Detected",
            "Input Resource is Inaccessible", "Initial Probe is Taking Longer Than Expected",
            "Stopped Receiving UDP Input", "Unable to retrieve secret from AWS Secrets Manager");
    static final String FAILED_OVER = "Input Failed Over";

    static ChannelHealth of(DescribeChannelResponse channel, String active, InputMetrics metrics, List<Alert> alerts,
            Map<String, OutputSpec> outputs, Map<String, String> previousErrors, Instant now) {
        List<InputAttachment> attachments = channel.inputAttachments();
        InputAttachment first = attachments.stream().filter(a -> a.automaticInputFailoverSettings() != null)
                .findFirst().orElse(attachments.isEmpty() ? null : attachments.get(0));
        String primary = first == null ? null : first.inputAttachmentName();
        boolean automatic = first != null && first.automaticInputFailoverSettings() != null;
        boolean primaryPreferred = automatic
                && first.automaticInputFailoverSettings().inputPreference() == InputPreference.PRIMARY_INPUT_PREFERRED;

        Set<String> down = new HashSet<>();
        for (Alert alert : alerts.stream().filter(a -> INPUT_LOSS.contains(a.type())).toList()) {
            List<String> named = attachments.stream().filter(a -> names(alert, a.inputAttachmentName(), a.inputId()))
                    .map(InputAttachment::inputAttachmentName).toList();
            if (!named.isEmpty()) {
                down.addAll(named);
            } else if (FAILED_OVER.equals(alert.type())) {
                // MediaLive failed over from the input that is not on air now
                attachments.stream().map(InputAttachment::inputAttachmentName).filter(n -> !n.equals(active))
                        .forEach(down::add);
            } else if (active != null) {
                down.add(active);
            }
        }
        if (active != null && metrics.known() && metrics.frameRate() != null && metrics.frameRate() == 0) {
            down.add(active);
        }
        if (primaryPreferred && primary != null && (!primary.equals(active)
                || Boolean.FALSE.equals(metrics.primaryActive()))) {
            // with "return to primary" MediaLive is off the primary only while the primary is unhealthy
            down.add(primary);
        }

        List<InputHealth> inputs = attachments.stream().map(InputAttachment::inputAttachmentName)
                .map(name -> name.equals(active) ? onAir(name, down.contains(name), metrics, now)
                        : new InputHealth(name, !down.contains(name), 0, down.contains(name) ? -1 : 0, 0, 0))
                .toList();
        Map<String, String> errors = outputErrors(alerts, outputs);
        Set<String> changes = outputs.keySet().stream()
                .filter(d -> !Objects.equals(errors.get(d), previousErrors.get(d))).collect(Collectors.toSet());
        return new ChannelHealth(inputs, Set.copyOf(down), errors, changes, primary, automatic, primaryPreferred);
    }

    /**
     * Why the active attachment changed from {@code from} to {@code to}. The product is the only
     * writer of the channel's schedule, and a pair that returns to the primary refuses manual
     * switches (source-service answers 409), so a change there is MediaLive's own.
     */
    String switchReason(String from, String to) {
        if (!automatic) {
            return "manual";
        }
        if (primaryPreferred) {
            return to.equals(primary) ? "failback" : "input_loss";
        }
        return down.contains(from) ? "input_loss" : "manual";
    }

    /** The wanted outputs' states with the alerts that name them: a live output with an alert retries. */
    List<OutputStatus> outputs(List<OutputStatus> outputs) {
        return outputs.stream().map(o -> {
            String error = outputErrors.get(o.destinationId());
            if (error == null || "failed".equals(o.state())) {
                return o;
            }
            return new OutputStatus(o.destinationId(), "live".equals(o.state()) ? "retrying" : o.state(),
                    o.bitrateKbps(), o.bytesSent(), error);
        }).toList();
    }

    private static InputHealth onAir(String name, boolean lost, InputMetrics metrics, Instant now) {
        if (!metrics.known()) {
            return new InputHealth(name, !lost, 0, lost ? -1 : 0, 0, 0);
        }
        boolean connected = !lost && metrics.framesArrive();
        int kbps = connected && metrics.networkInMbps() != null ? (int) Math.round(metrics.networkInMbps() * 1000) : 0;
        long age = connected ? 0 : metrics.framesUntil() == null ? -1
                : Math.max(0, Duration.between(metrics.framesUntil(), now).toMillis());
        return new InputHealth(name, connected, kbps, age, 0, 0);
    }

    /** An alert names an output by its output (group) name, or by its URL without the key when no other shares it. */
    private static Map<String, String> outputErrors(List<Alert> alerts, Map<String, OutputSpec> outputs) {
        Map<String, Long> urls = outputs.values().stream().map(ChannelHealth::urlWithoutKey)
                .collect(Collectors.groupingBy(u -> u, Collectors.counting()));
        Map<String, String> errors = new TreeMap<>();
        outputs.forEach((id, spec) -> {
            String url = urlWithoutKey(spec);
            String types = alerts.stream().filter(a -> names(a, "dest-" + id)
                    || (urls.get(url) == 1 && a.message().contains(url)))
                    .map(Alert::type).filter(Objects::nonNull).distinct().collect(Collectors.joining("; "));
            if (!types.isEmpty()) {
                errors.put(id, "MediaLive alert: " + types);
            }
        });
        return errors;
    }

    private static boolean names(Alert alert, String... tokens) {
        for (String token : tokens) {
            if (token != null && Pattern.compile("(?<![\\w-])" + Pattern.quote(token) + "(?![\\w-])")
                    .matcher(alert.message()).find()) {
                return true;
            }
        }
        return false;
    }

    private static String urlWithoutKey(OutputSpec spec) {
        return spec.target().urlWithoutSlash();
    }
}
