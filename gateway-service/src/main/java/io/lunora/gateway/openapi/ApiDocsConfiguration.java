package io.lunora.gateway.openapi;

import io.lunora.gateway.access.AccessProperties;
import io.lunora.gateway.access.RouteTable;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * One door for the API: springdoc serves {@code /v3/api-docs} and Swagger UI ({@code /swagger-ui})
 * at the gateway, and its document is the public part of every service's own springdoc document
 * ({@link PublicApi}), titled and versioned here, with the gateway's public URL as its server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsConfiguration {

    @Bean
    ServiceApiDocs serviceApiDocs(GatewayProperties gateway, ApiDocsProperties properties) {
        RoutedPaths routes = new RoutedPaths(gateway.getRoutes());
        Set<URI> services = properties.services().stream()
                .map(id -> routes.uriOfRoute(id).orElseThrow(() -> new IllegalStateException(
                        "lunora.gateway.openapi.services names " + id + ", which is no route")))
                .collect(Collectors.toSet());
        WebClient http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())))
                // springdoc documents of big services run to a few hundred kB
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        return new ServiceApiDocs(http, services, properties);
    }

    @Bean
    OpenAPI lunoraApi(ApiDocsProperties properties) {
        OpenAPI api = new OpenAPI()
                .info(new Info().title(properties.title()).version(properties.version())
                        .description("Every public route of Lunora Live, as the gateway serves it. Bearer access "
                                + "tokens come from the issuer's /oauth2/token; errors are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes("bearer-jwt",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
        if (!properties.serverUrl().isEmpty()) {
            api.servers(List.of(new Server().url(properties.serverUrl()).description("Lunora Live gateway")));
        }
        return api;
    }

    @Bean
    OpenApiCustomizer publicRoutesOfEveryService(ServiceApiDocs docs, GatewayProperties gateway,
            AccessProperties access) {
        PublicApi publicApi = new PublicApi(new RoutedPaths(gateway.getRoutes()), new RouteTable(access.rules()),
                gatewayRoutes());
        return api -> publicApi.writeInto(api, docs.latest());
    }

    /** The routes the gateway serves itself or that no springdoc documents (OIDC, HLS, web apps). */
    private static OpenAPI gatewayRoutes() {
        try (InputStream yaml = new ClassPathResource("openapi/gateway-routes.yaml").getInputStream()) {
            return Yaml31.mapper().readValue(yaml, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/gateway-routes.yaml", e);
        }
    }
}
