package io.lunora.viewer.account;

import io.lunora.support.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/viewers/export} and {@code DELETE /api/viewers/account}: always the caller's own data. */
@RestController
class AccountController {
    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/viewers/export")
    ResponseEntity<DataExport> export(Caller caller) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lunora-viewer-data.json\"")
                .body(accounts.export(caller));
    }

    @DeleteMapping("/api/viewers/account")
    DeletionReceipt delete(Caller caller) {
        return accounts.delete(caller);
    }
}
