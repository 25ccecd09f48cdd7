package io.lunora.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @Test
    void shouldHideTheStreamKeyOfRtmpUrls() {
        assertThat(redactor.redact("Error opening output rtmps://live.example.com:443/app/sk-live-123?x=1: I/O error"))
                .isEqualTo("Error opening output rtmps://live.example.com:443/app/**** I/O error");
    }

    @Test
    void shouldHideSrtPassphrasesAndStreamIds() {
        assertThat(redactor.redact("srt://0.0.0.0:9000?mode=listener&passphrase=verysecret1&pbkeylen=16&streamid=abc"))
                .isEqualTo("srt://0.0.0.0:9000?mode=listener&passphrase=****&pbkeylen=16&streamid=****");
    }

    @Test
    void shouldHideRegisteredSecretsWhereverTheyAppear() {
        redactor.register("my-key-0042");

        assertThat(redactor.redact("publishing my-key-0042 failed")).isEqualTo("publishing **** failed");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        assertThat(redactor.redact("frame=10 fps=25")).isEqualTo("frame=10 fps=25");
    }
}
