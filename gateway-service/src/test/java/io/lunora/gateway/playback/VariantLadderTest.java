package io.lunora.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.viewer.Quality;
import org.junit.jupiter.api.Test;

class VariantLadderTest {
    static final String WITH_AUDIO_GROUP = """
            #EXTM3U
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",DEFAULT=YES,URI="index_4.m3u8?m=1700000000"
            #EXT-X-STREAM-INF:BANDWIDTH=6628000,RESOLUTION=1920x1080,AUDIO="aac"
            index_1.m3u8?m=1700000000
            #EXT-X-STREAM-INF:BANDWIDTH=1628000,RESOLUTION=854x480,AUDIO="aac"
            index_2.m3u8?m=1700000000
            #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=200000,RESOLUTION=1920x1080,URI="index_5.m3u8"
            """;

    @Test
    void shouldPlaceVariantsByTheirDeclaredHeightWhateverTheirNumberAndIgnoreTheManifestQuery() {
        VariantLadder ladder = VariantLadder.parse(WITH_AUDIO_GROUP, "index");

        assertThat(ladder.allows("index_2.m3u8", Quality.STANDARD)).isTrue();
        assertThat(ladder.allows("index_2_17.ts", Quality.STANDARD)).isTrue();
        assertThat(ladder.allows("index_1.m3u8", Quality.STANDARD)).isFalse();
        assertThat(ladder.allows("index_1_17.ts", Quality.STANDARD)).isFalse();
        assertThat(ladder.allows("index_5.m3u8", Quality.STANDARD)).as("an I-frame variant of 1080p").isFalse();
        assertThat(ladder.allows("index_4_17.aac", Quality.STANDARD)).as("the audio rendition has no picture").isTrue();
        assertThat(ladder.allows("index_1_17.ts", Quality.HIGH)).isTrue();
    }

    @Test
    void shouldServeEveryFileWhenNothingIsHeldBackAndRefuseUnplacedFilesOtherwise() {
        VariantLadder ladder = VariantLadder.parse(WITH_AUDIO_GROUP, "index");

        assertThat(ladder.withholds(Quality.HIGH)).isFalse();
        assertThat(ladder.allows("index_9_1.ts", Quality.HIGH)).isTrue();
        assertThat(ladder.withholds(Quality.STANDARD)).isTrue();
        assertThat(ladder.allows("index_9_1.ts", Quality.STANDARD)).isFalse();
        assertThat(ladder.allows("other_1_1.ts", Quality.STANDARD)).isFalse();
    }

    @Test
    void shouldHoldBackAVariantWithoutResolutionOrOutsideTheFolderAndEverythingOfAMasterWithoutVariants() {
        VariantLadder unknown = VariantLadder.parse("""
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1628000
                index_1.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1628000,RESOLUTION=854x480
                index_2.m3u8
                """, "index");
        VariantLadder elsewhere = VariantLadder.parse("""
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=6628000,RESOLUTION=1920x1080
                https://elsewhere.example/hd.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1628000,RESOLUTION=854x480
                index_2.m3u8
                """, "index");

        assertThat(unknown.withholds(Quality.ULTRA)).isTrue();
        assertThat(unknown.allows("index_1_1.ts", Quality.ULTRA)).isFalse();
        assertThat(unknown.allows("index_2_1.ts", Quality.ULTRA)).isTrue();
        assertThat(elsewhere.withholds(Quality.STANDARD)).isTrue();
        assertThat(elsewhere.allows("index_2_1.ts", Quality.STANDARD)).isTrue();
        assertThat(VariantLadder.parse("<html>not a playlist</html>", "index").allows("index_1_1.ts", Quality.ULTRA))
                .as("fails closed").isFalse();
    }

    @Test
    void shouldDropFromTheMasterAVariantWithoutResolutionOnlyWhereVariantsAreNumbered() {
        String master = """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1628000
                index_1.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1628000,RESOLUTION=854x480
                index_2.m3u8""";

        assertThat(QualityCap.filterMaster(master, Quality.ULTRA, true)).doesNotContain("index_1.m3u8")
                .contains("index_2.m3u8");
        assertThat(QualityCap.filterMaster(master, Quality.ULTRA, false)).isEqualTo(master);
    }
}
