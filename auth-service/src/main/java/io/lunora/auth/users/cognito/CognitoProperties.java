package io.lunora.auth.users.cognito;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The internal user pool that aws mode administers ({@code LUNORA_COGNITO_USER_POOL_ID}). */
@Validated
@ConfigurationProperties("lunora.cognito")
record CognitoProperties(@NotBlank String userPoolId) {
}
