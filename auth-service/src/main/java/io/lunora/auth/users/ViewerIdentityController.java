package io.lunora.auth.users;

import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /internal/viewers/{id}} (scope {@code internal}): viewer-service's account deletion
 * ends with the sign-in identity. 204 when deleted, 404 when there is no such viewer (a retry after
 * a deletion that went through is 404 too, which the caller treats as done).
 */
@RestController
@Validated
class ViewerIdentityController {
    private static final Logger log = LoggerFactory.getLogger(ViewerIdentityController.class);

    private final ViewerIdentities identities;

    ViewerIdentityController(ViewerIdentities identities) {
        this.identities = identities;
    }

    @DeleteMapping("/internal/viewers/{id}")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 64) String id) {
        if (!identities.delete(id)) {
            return ResponseEntity.notFound().build();
        }
        log.info("Sign-in identity of viewer {} deleted with the viewer's account", id);
        return ResponseEntity.noContent().build();
    }
}
