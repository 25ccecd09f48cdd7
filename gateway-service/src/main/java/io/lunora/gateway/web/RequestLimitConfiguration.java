package io.lunora.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class RequestLimitConfiguration {

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(@Value("${lunora.gateway.max-body-size:1MB}") DataSize max) {
        return new BodySizeLimitFilter(max.toBytes());
    }
}
