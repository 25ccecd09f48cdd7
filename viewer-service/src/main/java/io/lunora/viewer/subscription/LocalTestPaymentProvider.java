package io.lunora.viewer.subscription;

import io.lunora.viewer.ViewerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The local stand-in for a payment processor: no money moves. Each charge is appended to
 * {@code viewer/payments-local-test.jsonl} under the data folder and answered as {@code local-test},
 * which the API and the apps show so nobody mistakes it for a real payment. The payment method
 * {@code pm_test_declined} is declined, to exercise that path. It is the only adapter so far; a real
 * processor's adapter would replace it in AWS mode.
 */
@Component
class LocalTestPaymentProvider implements PaymentProvider {
    static final String DECLINED_METHOD = "pm_test_declined";

    private final Path log;
    private final Clock clock;

    LocalTestPaymentProvider(ViewerProperties properties, Clock clock) {
        this.log = Path.of(properties.dataDir(), "viewer", "payments-local-test.jsonl");
        this.clock = clock;
    }

    @Override
    public String name() {
        return "local-test";
    }

    @Override
    public synchronized PaymentResult charge(PaymentRequest request) {
        boolean declined = DECLINED_METHOD.equals(request.paymentMethodId());
        String paymentId = "test_pay_" + UUID.randomUUID();
        record(paymentId, request, declined);
        return declined ? new PaymentResult(false, paymentId, "the test payment method is set to decline")
                : new PaymentResult(true, paymentId, null);
    }

    private void record(String paymentId, PaymentRequest request, boolean declined) {
        String line = String.format("{\"payment_id\":\"%s\",\"at\":\"%s\",\"viewer_id\":\"%s\",\"plan\":\"%s\","
                        + "\"amount_cents\":%d,\"currency\":\"%s\",\"idempotency_key\":\"%s\",\"status\":\"%s\"}%n",
                paymentId, Instant.now(clock), request.viewerId(), request.plan().wireValue(), request.amountCents(),
                request.currency(), request.idempotencyKey(), declined ? "declined" : "succeeded");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the test payment", e);
        }
    }
}
