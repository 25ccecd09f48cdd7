package io.lunora.streaming.media.medialive;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** AWS failures as operators may read them: the service's error code, never its message or the request. */
final class AwsErrors {
    private AwsErrors() {
    }

    /** {@code "MediaLive refused: ValidationException (HTTP 422)"} or {@code "MediaLive unreachable"}. */
    static String describe(String service, SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return service + " refused: " + aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + ")";
        }
        return service + " unreachable";
    }
}
