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

    static final String VIEWER_A = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String VIEWER_B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    String premiumToken() {
        return tokens.issue(new Grant("stream-1", ViewerTier.PREMIUM, NOW.plusSeconds(300), VIEWER_A));
    }

    @Test
    void shouldAcceptTokenForItsStreamBeforeExpiry() {
        var verification = tokens.verify(premiumToken(), "stream-1", AccessLevel.PREMIUM, VIEWER_A, NOW);

        assertThat(verification.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verification.grant()).hasValueSatisfying(g -> {
            assertThat(g.tier()).isEqualTo(ViewerTier.PREMIUM);
            assertThat(g.tier().quality().maxHeight()).isEqualTo(1080);
        });
    }

    @Test
    void shouldRefuseExpiredToken() {
        assertThat(tokens.verify(premiumToken(), "stream-1", AccessLevel.PREMIUM, VIEWER_A, NOW.plusSeconds(300)).outcome())
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void shouldRefuseTokenOfAnotherStream() {
        assertThat(tokens.verify(premiumToken(), "stream-2", AccessLevel.PUBLIC, VIEWER_A, NOW).outcome())
                .isEqualTo(Outcome.WRONG_STREAM);
    }

    @Test
    void shouldRefuseTokenWhoseTierCannotWatchTheStreamsLevel() {
        assertThat(tokens.verify(premiumToken(), "stream-1", AccessLevel.VIP, VIEWER_A, NOW).outcome())
                .isEqualTo(Outcome.TIER_TOO_LOW);
    }

    @Test
    void shouldRefuseTamperedPayloadEvenWhenItLooksValid() {
        String[] parts = premiumToken().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("stream-1|vip|" + NOW.plusSeconds(300).getEpochSecond() + "|" + VIEWER_A).getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify(parts[0] + "." + forged + "." + parts[2], "stream-1", AccessLevel.VIP, VIEWER_A, NOW)
                .outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseTokenSignedWithAnotherSecret() {
        PlaybackTokens other = new PlaybackTokens("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8));
        String token = other.issue(new Grant("stream-1", ViewerTier.VIP, NOW.plusSeconds(300)));

        assertThat(tokens.verify(token, "stream-1", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseGarbage() {
        assertThat(tokens.verify(null, "s", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("v2.a", "s", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("v3.a.b", "s", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("v2.!!.??", "s", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void shouldAcceptABoundTokenOnlyFromItsViewer() {
        String bound = premiumToken();

        assertThat(tokens.verify(bound, "stream-1", AccessLevel.PREMIUM, VIEWER_A, NOW).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(tokens.verify(bound, "stream-1", AccessLevel.PREMIUM, null, NOW).outcome())
                .isEqualTo(Outcome.VIEWER_REQUIRED);
        assertThat(tokens.verify(bound, "stream-1", AccessLevel.PREMIUM, VIEWER_B, NOW).outcome())
                .isEqualTo(Outcome.WRONG_VIEWER);
        assertThat(tokens.verify(bound, "stream-1", AccessLevel.PUBLIC, VIEWER_B, NOW).outcome())
                .as("a stream lowered to public does not unbind a token").isEqualTo(Outcome.WRONG_VIEWER);
        assertThat(tokens.verify(bound, "stream-1", AccessLevel.PREMIUM, null, NOW).grant())
                .hasValueSatisfying(g -> assertThat(g.viewer()).isEqualTo(VIEWER_A));
    }

    @Test
    void shouldAcceptAnUnboundTokenFromAnyoneButOnlyWhileTheStreamIsPublic() {
        String unbound = tokens.issue(new Grant("stream-1", ViewerTier.VIP, NOW.plusSeconds(300)));

        assertThat(tokens.verify(unbound, "stream-1", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.VALID);
        assertThat(tokens.verify(unbound, "stream-1", AccessLevel.PUBLIC, VIEWER_B, NOW).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(tokens.verify(unbound, "stream-1", AccessLevel.PREMIUM, VIEWER_A, NOW).outcome())
                .as("a stream raised above public needs a token bound to its viewer").isEqualTo(Outcome.NOT_BOUND);
        assertThat(tokens.verify(unbound, "stream-1", AccessLevel.PUBLIC, null, NOW).grant())
                .hasValueSatisfying(g -> assertThat(g.bound()).isFalse());
    }

    @Test
    void shouldRefuseTheViewerOfABoundTokenToBeSwappedForAnother() {
        String[] parts = premiumToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String swapped = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(VIEWER_A, VIEWER_B).getBytes(StandardCharsets.UTF_8));
        String stripped = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(VIEWER_A, "").getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify("v2." + swapped + "." + parts[2], "stream-1", AccessLevel.PREMIUM, VIEWER_B, NOW)
                .outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(tokens.verify("v2." + stripped + "." + parts[2], "stream-1", AccessLevel.PUBLIC, null, NOW)
                .outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseTokensOfTheUnboundFirstVersion() {
        String payload = "stream-1|vip|" + NOW.plusSeconds(300).getEpochSecond();
        String v1 = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + premiumToken().split("\\.")[2];

        assertThat(tokens.verify(v1, "stream-1", AccessLevel.PUBLIC, null, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void shouldRefuseToBindATokenToAViewerThatCannotBeEncoded() {
        for (String viewer : new String[] {"", "a|b", "with space", "x".repeat(129), "caf\u00e9"}) {
            assertThatThrownBy(() -> tokens.issue(new Grant("stream-1", ViewerTier.VIP, NOW.plusSeconds(300), viewer)))
                    .as(viewer).isInstanceOf(IllegalArgumentException.class);
        }
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
