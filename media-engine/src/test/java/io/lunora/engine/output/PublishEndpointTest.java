package io.lunora.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.media.PublishTarget;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** FFmpeg connects to the address the guard vetted, not to a second DNS answer. */
class PublishEndpointTest {

    @Test
    void shouldConnectPlainRtmpToTheVettedAddressAndKeepTheNameInTheTcUrl() throws Exception {
        PublishEndpoint endpoint = new PublishEndpoint(new PublishTarget("rtmp://ingest.example.com:1936/live2", "key-1"),
                InetAddress.getByName("203.0.113.9"));

        assertThat(endpoint.ffmpegOutput()).containsExactly("-rtmp_tcurl", "rtmp://ingest.example.com:1936/live2",
                "rtmp://203.0.113.9:1936/live2/key-1");
    }

    @Test
    void shouldBracketAnIpv6AddressAndKeepADefaultPortDefault() throws Exception {
        PublishEndpoint endpoint = new PublishEndpoint(new PublishTarget("rtmp://ingest.example.com/app/", "k"),
                InetAddress.getByName("2001:db8::5"));

        assertThat(endpoint.ffmpegOutput()).containsExactly("-rtmp_tcurl", "rtmp://ingest.example.com/app",
                "rtmp://[2001:db8:0:0:0:0:0:5]/app/k");
    }

    @Test
    void shouldTellTheServerTheApplicationWhenTheUrlNamesTheStream() throws Exception {
        PublishEndpoint endpoint = new PublishEndpoint(new PublishTarget("rtmp://ingest.example.com/live/stream-9", null),
                InetAddress.getByName("203.0.113.9"));

        assertThat(endpoint.ffmpegOutput()).containsExactly("-rtmp_tcurl", "rtmp://ingest.example.com/live",
                "rtmp://203.0.113.9/live/stream-9");
    }

    @Test
    void shouldLeaveRtmpsToTheNameTlsNeeds() throws Exception {
        PublishEndpoint endpoint = new PublishEndpoint(new PublishTarget("rtmps://live.example.com:443/app", "k"),
                InetAddress.getByName("203.0.113.9"));

        assertThat(endpoint.ffmpegOutput()).containsExactly("rtmps://live.example.com:443/app/k");
    }
}
