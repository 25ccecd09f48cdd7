package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.alerts.AlertSeverity;
import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/alerts/recipients} (admins): who is sent which alerts by e-mail. */
@RestController
@RequestMapping("/api/alerts/recipients")
class AlertRecipientController {
    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private final AlertRecipientService recipients;

    AlertRecipientController(AlertRecipientService recipients) {
        this.recipients = recipients;
    }

    /** @param kinds empty or absent: every kind */
    record AddRecipient(String email, String minimumSeverity, List<String> kinds) {
    }

    record RecipientView(String recipientId, String email, AlertSeverity minimumSeverity, List<AlertKind> kinds,
            String createdBy, Instant createdAt) {
        static RecipientView of(AlertRecipient r) {
            return new RecipientView(r.recipientId(), r.email(), r.minimumSeverity(),
                    r.kinds().stream().sorted().toList(), r.createdBy(), r.createdAt());
        }
    }

    record Recipients(List<RecipientView> recipients) {
    }

    @GetMapping
    Recipients list(Caller caller) {
        return new Recipients(recipients.list(caller).stream().map(RecipientView::of).toList());
    }

    @PostMapping
    ResponseEntity<RecipientView> add(Caller caller, @RequestBody(required = false) AddRecipient body) {
        AddRecipient b = body == null ? new AddRecipient(null, null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(RecipientView.of(recipients.add(caller, b.email(), b.minimumSeverity(), b.kinds())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        recipients.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
