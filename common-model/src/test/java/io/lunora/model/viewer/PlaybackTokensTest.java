package io.lunora.model.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.model.viewer.PlaybackTokens.Grant;
import io.lunora.model.viewer.PlaybackTokens.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlaybackTokensTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final PlaybackTokens tokens = new PlaybackTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    String premiumToken() {
        return tokens.issue(new Grant("stream-1", ViewerTier.PREMIUM, NOW.plusSeconds(300)));
    }

    @Test
    void shouldAcceptTokenForItsStreamBeforeExpiry() {
        var verification = tokens.verify(premiumToken(), "stream-1", AccessLevel.PREMIUM, NOW);

        assertThat(verification.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verification.grant()).hasValueSatisfying(g -> {
            assertThat(g.tier()).isEqualTo(ViewerTier.PREMIUM);
            assertThat(g.tier().quality().maxHeight()).isEqualTo(1080);
        });
    }

    @Test
    void shouldRefuseExpiredToken() {
        assertThat(tokens.verify(premiumToken(), "stream-1", AccessLevel.PREMIUM, NOW.plusSeconds(300)).outcome())
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void shouldRefuseTokenOfAnotherStream() {
        assertThat(tokens.verify(premiumToken(), "stream-2", AccessLevel.PUBLIC, NOW).outcome())
                .isEqualTo(Outcome.WRONG_STREAM);
    }

    @Test
    void shouldRefuseTokenWhoseTierCannotWatchTheStreamsLevel() {
        assertThat(tokens.verify(premiumToken(), "stream-1", AccessLevel.VIP, NOW).outcome())
                .isEqualTo(Outcome.TIER_TOO_LOW);
    }

    @Test
    void shouldRefuseTamperedPayloadEvenWhenItLooksValid() {
        String[] parts = premiumToken().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("stream-1|vip|" + NOW.plusSeconds(300).getEpochSecond()).getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify(parts[0] + "." + forged + "." + parts[2], "stream-1", AccessLevel.VIP, NOW).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseTokenSignedWithAnotherSecret() {
        PlaybackTokens other = new PlaybackTokens("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8));
        String token = other.issue(new Grant("stream-1", ViewerTier.VIP, NOW.plusSeconds(300)));

        assertThat(tokens.verify(token, "stream-1", AccessLevel.PUBLIC, NOW).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseGarbage() {
        assertThat(tokens.verify(null, "s", AccessLevel.PUBLIC, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("v1.a", "s", AccessLevel.PUBLIC, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("v2.a.b", "s", AccessLevel.PUBLIC, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("v1.!!.??", "s", AccessLevel.PUBLIC, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void shouldRefuseShortSecret() {
        assertThatThrownBy(() -> new PlaybackTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetEachTierWatchOnlyItsLevels() {
        assertThat(ViewerTier.ANONYMOUS.canWatch(AccessLevel.PUBLIC)).isTrue();
        assertThat(ViewerTier.ANONYMOUS.canWatch(AccessLevel.PREMIUM)).isFalse();
        assertThat(ViewerTier.FREE.canWatch(AccessLevel.PREMIUM)).isFalse();
        assertThat(ViewerTier.PREMIUM.canWatch(AccessLevel.PREMIUM)).isTrue();
        assertThat(ViewerTier.PREMIUM.canWatch(AccessLevel.VIP)).isFalse();
        assertThat(ViewerTier.VIP.canWatch(AccessLevel.VIP)).isTrue();
        assertThat(ViewerTier.ADMIN.canWatch(AccessLevel.VIP)).isTrue();
    }
}
