package io.lunora.auth.organizations;

import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/organizations}: the platform admins' list and creation of organizations (scope {@code platform}). */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {
    private final OrganizationService service;

    OrganizationController(OrganizationService service) {
        this.service = service;
    }

    @GetMapping
    List<OrganizationView> list(Caller caller) {
        return service.list(caller);
    }

    @PostMapping
    ResponseEntity<OrganizationView> create(Caller caller, @Valid @RequestBody CreateOrganizationRequest request) {
        OrganizationView created = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/organizations/" + created.id())).body(created);
    }
}
