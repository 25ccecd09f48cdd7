package io.lunora.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The exact requests the SSM adapter sends (AWS JSON 1.1 protocol, API reference shapes). */
class SsmSecretStoreTest {
    static final String NAME = "/lunora-player/streaming/youtube/stream-key-d-1";
    static final String KMS = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    final RecordingHttpEndpoint endpoint = new RecordingHttpEndpoint();
    final SsmClient ssm = SsmClient.builder().endpointOverride(URI.create(endpoint.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
    final SsmSecretStore store = new SsmSecretStore(ssm, KMS);

    @AfterEach
    void close() {
        ssm.close();
        endpoint.close();
    }

    @Test
    void shouldPutASecureStringWithTheKmsKeyAndOverwrite() {
        endpoint.answer(r -> Reply.json(200, "{\"Version\":2,\"Tier\":\"Standard\"}"));

        store.put(NAME, "key-value-1234");

        RecordingHttpEndpoint.Recorded put = endpoint.requests().get(0);
        assertThat(put.method()).isEqualTo("POST");
        assertThat(put.header("X-Amz-Target")).isEqualTo("AmazonSSM.PutParameter");
        assertThat(put.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(put.body()).isEqualTo("{\"Name\":\"" + NAME + "\",\"Value\":\"key-value-1234\","
                + "\"Type\":\"SecureString\",\"KeyId\":\"" + KMS + "\",\"Overwrite\":true}");
    }

    @Test
    void shouldGetWithDecryption() {
        endpoint.answer(r -> Reply.json(200, "{\"Parameter\":{\"Name\":\"" + NAME
                + "\",\"Type\":\"SecureString\",\"Value\":\"key-value-1234\",\"Version\":2}}"));

        assertThat(store.get(NAME)).contains("key-value-1234");
        RecordingHttpEndpoint.Recorded get = endpoint.requests().get(0);
        assertThat(get.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
        assertThat(get.body()).isEqualTo("{\"Name\":\"" + NAME + "\",\"WithDecryption\":true}");
    }

    @Test
    void shouldTreatAMissingParameterAsEmptyAndDeleteIdempotently() {
        endpoint.answer(r -> Reply.json(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}"));

        assertThat(store.get(NAME)).isEmpty();
        store.delete(NAME);

        RecordingHttpEndpoint.Recorded delete = endpoint.requests().get(endpoint.requests().size() - 1);
        assertThat(delete.header("X-Amz-Target")).isEqualTo("AmazonSSM.DeleteParameter");
        assertThat(delete.body()).isEqualTo("{\"Name\":\"" + NAME + "\"}");
    }
}
