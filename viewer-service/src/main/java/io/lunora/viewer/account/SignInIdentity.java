package io.lunora.viewer.account;

import io.lunora.support.clients.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The viewer's sign-in identity at auth-service ({@code DELETE /internal/viewers/{id}}, service
 * token): deleted as the last step of an account deletion, so the same user name and password sign
 * in no more and the viewer's tokens are refused at the gateway. Not found counts as deleted (a
 * retry after a deletion that went through); any other failure reaches the viewer as 503, and
 * deleting again finishes the job.
 */
@Component
class SignInIdentity {
    private final RestClient auth;

    SignInIdentity(ServiceClients clients, @Value("${lunora.services.auth-url}") String authUrl) {
        this.auth = clients.forService("auth-service", authUrl);
    }

    void delete(String viewerId) {
        try {
            auth.delete().uri("/internal/viewers/{id}", viewerId).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound alreadyGone) {
            // deleted before: nothing left to do
        }
    }
}
