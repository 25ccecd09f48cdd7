package io.lunora.auth.users.cognito;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The internal user pool that aws mode administers ({@code LUNORA_COGNITO_USER_POOL_ID}) and the
 * consumer pool whose viewers delete their accounts ({@code LUNORA_COGNITO_CONSUMER_POOL_ID}; the
 * stack's {@code ConsumerUserPoolId}; without it a viewer's identity deletion fails, never passes).
 */
@Validated
@ConfigurationProperties("lunora.cognito")
record CognitoProperties(@NotBlank String userPoolId, String consumerPoolId) {
}
