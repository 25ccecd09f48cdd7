package io.lunora.engine.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording folders stay inside {@code recordings/<org>/}, whatever the identifiers say. */
class RecordingFoldersTest {
    @TempDir
    Path data;

    @Test
    void shouldRefuseIdentifiersThatLeaveTheOrganizationsFolder() {
        RecordingFolders folders = RecordingFolders.of(data);
        for (String[] ids : new String[][] {{"org", ".."}, {"org", "."}, {"..", "x"}, {".", "x"}, {"org", "a/../../b"}}) {
            assertThatThrownBy(() -> folders.session(ids[0], ids[1])).as(String.join("/", ids))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(folders.session("org", "s-1")).isEqualTo(data.resolve("recordings/org/s-1").toAbsolutePath());
    }

    @Test
    void shouldListOnlyTheRecordersFilesInTheOrderTheyWereWritten() throws IOException {
        RecordingFolders folders = RecordingFolders.of(data);
        Path session = Files.createDirectories(folders.session("org", "s-1"));
        Files.write(session.resolve("program-00002.ts"), new byte[188]);
        Files.write(session.resolve("program-00001.ts"), new byte[376]);
        Files.write(session.resolve("notes.txt"), new byte[5]);

        assertThat(folders.files("org", "s-1")).extracting(p -> p.getFileName().toString())
                .containsExactly("program-00001.ts", "program-00002.ts");
        assertThat(folders.list("org", id -> false)).singleElement()
                .satisfies(r -> assertThat(r.bytes()).isEqualTo(564))
                .satisfies(r -> assertThat(r.files()).isEqualTo(2));
        assertThat(folders.delete("org", "s-1")).isTrue();
        assertThat(folders.list("org", id -> false)).isEmpty();
        assertThat(folders.delete("org", "s-1")).isFalse();
    }
}
