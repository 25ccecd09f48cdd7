package io.lunora.model.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HlsPlaylistPathsTest {

    @Test
    void shouldTellTheEnginesPlaylistPathFromAMediaPackageEndpointsPath() {
        assertThat(HlsPlaylistPaths.isEngine("/hls/org-1/master.m3u8")).isTrue();
        assertThat(HlsPlaylistPaths.isMediaPackage("/hls/org-1/master.m3u8")).isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage("/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8")).isTrue();
        assertThat(HlsPlaylistPaths.isEngine("/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8")).isFalse();
    }

    @Test
    void shouldRefuseTraversalsOtherFoldersAndVariantNamesAsTheMasterPath() {
        assertThat(HlsPlaylistPaths.isEngine("/hls/../secrets/master.m3u8")).isFalse();
        assertThat(HlsPlaylistPaths.isEngine("/hls/org/../../x.m3u8")).isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage("/out/v1/../index.m3u8")).isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage("/out/v1/abc/def/index.m3u8")).isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage("/out/v2/abc/index.m3u8")).isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage("/out/v1/abc/index_1.m3u8"))
                .as("a variant playlist's name is not a manifest name").isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage("https://abc.mediapackage.us-east-1.amazonaws.com/out/v1/abc/index.m3u8"))
                .as("a path, not a URL").isFalse();
        assertThat(HlsPlaylistPaths.isEngine(null)).isFalse();
        assertThat(HlsPlaylistPaths.isMediaPackage(null)).isFalse();
    }
}
