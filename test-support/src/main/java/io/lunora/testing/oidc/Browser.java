package io.lunora.testing.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the sign-in pages need one: a real HTTP client with a cookie jar, that
 * sends forms with the CSRF token the page carries and follows redirects one by one.
 */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String lastPage = "";
    private final java.util.List<String> stops = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Browser(String base) {
        this.base = base;
    }

    /**
     * Sends {@code X-Forwarded-For: address} with every request, as a trusted proxy (the gateway)
     * reports the client: a browser on another network, for a server that trusts this machine.
     */
    public Browser forwardedFor(String address) {
        return header("X-Forwarded-For", address);
    }

    /** Sends {@code name: value} with every request (a forged X-Forwarded-Host, say). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return remember(send(request(pathOrUrl).header("Accept", "text/html").GET().build()));
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathOrUrl));
        headers.forEach(builder::header);
        return builder;
    }

    /** Submits a form of the last page (its CSRF token included) to {@code path}. */
    public HttpResponse<String> submit(String path, Map<String, String> fields) {
        Matcher m = CSRF.matcher(lastPage);
        assertThat(m.find()).as("the page has a CSRF token").isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        return remember(send(request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build()));
    }

    /** Makes {@link #follow} stop at redirects to URLs starting with {@code prefix} (a web app's callback). */
    public void stopAt(String prefix) {
        stops.add(prefix);
    }

    /** Follows redirects within this server; stops at a redirect elsewhere or to a callback given to {@link #stopAt}. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && isRedirect(current); i++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(base) || stops.stream().anyMatch(next.toString()::startsWith)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        if (response.body() != null && !response.body().isEmpty()) {
            lastPage = response.body();
        }
        return response;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
