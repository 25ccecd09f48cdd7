package io.lunora.destination.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.support.secrets.SsmSecretStore;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Stream keys in AWS mode: exactly what the SSM SDK sends for a destination's key (AWS JSON 1.1,
 * the Parameter Store API's shapes), captured by a local endpoint standing in for SSM.
 */
class SsmStreamKeysTest {
    static final String KMS = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String NAME = "/lunora-player/streaming/linkedin/stream-key-dest-42";

    final RecordingHttpEndpoint ssmEndpoint = new RecordingHttpEndpoint();
    final SsmClient ssm = SsmClient.builder().endpointOverride(URI.create(ssmEndpoint.url())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "example")))
            .build();
    final StreamKeys keys = new StreamKeys(new SsmSecretStore(ssm, KMS));

    @AfterEach
    void close() {
        ssm.close();
        ssmEndpoint.close();
    }

    @Test
    void shouldPutTheKeyAsASecureStringUnderTheSpecificationsPath() {
        ssmEndpoint.answer(r -> Reply.json(200, "{\"Version\":1,\"Tier\":\"Standard\"}"));

        StreamKeys.StoredKey stored = keys.store("linkedin", "dest-42", "li-key-abcdef-9876");

        assertThat(stored).isEqualTo(new StreamKeys.StoredKey(NAME, "****9876"));
        Recorded put = ssmEndpoint.requests().get(0);
        assertThat(put.method()).isEqualTo("POST");
        assertThat(put.path()).isEqualTo("/");
        assertThat(put.header("X-Amz-Target")).isEqualTo("AmazonSSM.PutParameter");
        assertThat(put.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(put.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/ssm/aws4_request");
        assertThat(put.body()).isEqualTo("{\"Name\":\"" + NAME + "\",\"Value\":\"li-key-abcdef-9876\","
                + "\"Type\":\"SecureString\",\"KeyId\":\"" + KMS + "\",\"Overwrite\":true}");
    }

    @Test
    void shouldReadTheKeyWithDecryption() {
        ssmEndpoint.answer(r -> Reply.json(200, "{\"Parameter\":{\"Name\":\"" + NAME
                + "\",\"Type\":\"SecureString\",\"Value\":\"li-key-abcdef-9876\",\"Version\":1}}"));

        assertThat(keys.read(NAME)).contains("li-key-abcdef-9876");

        Recorded get = ssmEndpoint.requests().get(0);
        assertThat(get.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
        assertThat(get.body()).isEqualTo("{\"Name\":\"" + NAME + "\",\"WithDecryption\":true}");
    }

    @Test
    void shouldCopyTheKeyToANewRevisionWhenTheDestinationChangesPlatform() {
        ssmEndpoint.answer(r -> "AmazonSSM.GetParameter".equals(r.header("X-Amz-Target"))
                ? Reply.json(200, "{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":\"SecureString\","
                        + "\"Value\":\"li-key-abcdef-9876\",\"Version\":1}}")
                : Reply.json(200, "{}"));

        String youtube = keys.copyRevision(NAME, "youtube", "dest-42").name();
        keys.delete(NAME);

        assertThat(youtube).startsWith("/lunora-player/streaming/youtube/stream-key-dest-42-");
        assertThat(ssmEndpoint.requests()).extracting(r -> r.header("X-Amz-Target") + " " + r.body()).containsExactly(
                "AmazonSSM.GetParameter {\"Name\":\"" + NAME + "\",\"WithDecryption\":true}",
                "AmazonSSM.PutParameter {\"Name\":\"" + youtube + "\",\"Value\":\"li-key-abcdef-9876\","
                        + "\"Type\":\"SecureString\",\"KeyId\":\"" + KMS + "\",\"Overwrite\":true}",
                "AmazonSSM.DeleteParameter {\"Name\":\"" + NAME + "\"}");
    }
}
