package io.lunora.archfixture.leaky;

import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A service that catches the SDK's exception instead of a domain one. */
public class LeakyService {
    public boolean save(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }
}
