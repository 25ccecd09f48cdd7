package io.lunora.model.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.destination.DestinationTarget;
import org.junit.jupiter.api.Test;

class PublishTargetTest {
    @Test
    void shouldJoinTheKeyAsTheStreamNameOnlyForTheRtmpClient() {
        assertThat(new PublishTarget("rtmp://a.rtmp.youtube.com/live2", "abcd-efgh").joined())
                .isEqualTo("rtmp://a.rtmp.youtube.com/live2/abcd-efgh");
        assertThat(new PublishTarget("rtmp://a.rtmp.youtube.com/live2/", "abcd-efgh").joined())
                .isEqualTo("rtmp://a.rtmp.youtube.com/live2/abcd-efgh");
        assertThat(new PublishTarget("rtmp://ingest.example/live/named", null).joined())
                .isEqualTo("rtmp://ingest.example/live/named");
    }

    @Test
    void shouldKeepAKeyWithSlashesAndAQueryWhole() {
        // a key is never cut out of a URL again: whatever it holds reaches MediaLive's stream name as it is
        PublishTarget facebook = new PublishTarget("rtmps://live-api-s.facebook.com:443/rtmp/", "FB-123?s_bl=1&a=b");

        assertThat(facebook.streamKey()).isEqualTo("FB-123?s_bl=1&a=b");
        assertThat(facebook.urlWithoutSlash()).isEqualTo("rtmps://live-api-s.facebook.com:443/rtmp");
    }

    @Test
    void shouldNeverPrintTheKey() {
        PublishTarget target = new DestinationTarget("d-1", "org-1", "YouTube", "youtube", "rtmp://a.rtmp.youtube.com/live2",
                "secret-key-123", "p", true, false, false, false, "u-1").publishTarget();

        assertThat(target.toString()).doesNotContain("secret-key-123").contains("****");
        assertThat(new OutputRequest(null, target, true).toString()).doesNotContain("secret-key-123");
    }
}
