package io.lunora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The apps as the browser gets them, checked without a browser: every module import resolves to a
 * file of the apps, nothing needs what the gateway's Content-Security-Policy ({@code default-src
 * 'self'}) forbids, no third-party address is loaded, and nothing parses server data as markup.
 */
class StaticFilesTest {
    static final Path ROOT = Path.of("src/main/resources/web");
    static final Pattern IMPORT = Pattern.compile("(?m)^import [^;]*? from '([^']+)';|^\\s*import '([^']+)';");

    @Test
    void shouldResolveEveryModuleImportToAFileOfTheApps() throws IOException {
        for (Path module : files(".js")) {
            Matcher m = IMPORT.matcher(Files.readString(module));
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                Path resolved = target.startsWith("/") ? ROOT.resolve(target.substring(1)) : module.getParent().resolve(target).normalize();
                assertThat(resolved).as("%s imports %s", module, target).isRegularFile();
                assertThat(resolved.normalize().startsWith(ROOT)).isTrue();
            }
        }
    }

    @Test
    void shouldNeedNothingTheContentSecurityPolicyForbids() throws IOException {
        for (Path page : files(".html")) {
            String html = Files.readString(page);
            assertThat(html).as(page.toString()).doesNotContain("style=").doesNotContain("<style").doesNotContainPattern(" on[a-z]+=");
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find()).as("inline script in %s", page).isFalse();
            assertThat(html).doesNotContain("http://").doesNotContain("https://");
        }
        for (Path module : files(".js")) {
            String js = Files.readString(module);
            assertThat(js).as(module.toString()).doesNotContain("innerHTML").doesNotContain("eval(")
                    .doesNotContain("new Function").doesNotContain("setAttribute('style'").doesNotContainPattern("https?://(?!www\\.w3\\.org)");
        }
    }

    @Test
    void shouldKeepStreamKeysOutOfStorageAndDrafts() throws IOException {
        String drafts = Files.readString(ROOT.resolve("assets/drafts.js"));
        assertThat(drafts).contains("el.type !== 'password'");
        String modal = Files.readString(ROOT.resolve("assets/destination-modal.js"));
        assertThat(modal).contains("id: 'dest-key', type: 'password'").doesNotContain("localStorage");
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
