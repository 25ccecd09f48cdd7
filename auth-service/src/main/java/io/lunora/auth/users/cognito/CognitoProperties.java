package io.lunora.auth.users.cognito;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The internal user pool that aws mode administers ({@code LUNORA_COGNITO_USER_POOL_ID}) and the
 * consumer pool whose viewers delete their accounts ({@code LUNORA_COGNITO_CONSUMER_POOL_ID}; the
 * stack's {@code ConsumerUserPoolId}). The aws profile reads both without a default, so a task
 * missing one does not start (rather than failing a viewer's identity deletion later).
 */
@Validated
@ConfigurationProperties("lunora.cognito")
record CognitoProperties(@NotBlank String userPoolId, String consumerPoolId) {
}
