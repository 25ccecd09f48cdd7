package io.lunora.support.sample;

import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.AuthorizationRules;
import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import io.lunora.support.dynamo.TableNames;

/** A minimal service on the support library: one versioned resource in an organization-keyed table. */
@SpringBootApplication
public class SampleApplication {

    @Bean
    AuthorizationRules sampleRules() {
        return rules -> rules.requestMatchers(HttpMethod.PUT, "/api/configs/**").hasRole("ADMINS")
                .requestMatchers("/api/configs/**").hasAnyRole("OPERATORS", "ADMINS");
    }

    @Bean
    DynamoDbTable<ConfigItem> configTable(DynamoDbEnhancedClient client, TableNames names) {
        return client.table(names.of("SourceConfiguration"), TableSchema.fromBean(ConfigItem.class));
    }

    record ConfigUpdate(@NotBlank @Size(max = 40) String name, @NotNull Long version) {
    }

    record ConfigView(String id, String name, Long version) {
        static ConfigView of(ConfigItem item) {
            return new ConfigView(item.getConfigId(), item.getName(), item.getVersion());
        }
    }

    @RestController
    static class ConfigController {
        private final DynamoDbTable<ConfigItem> table;

        ConfigController(DynamoDbTable<ConfigItem> table) {
            this.table = table;
        }

        @GetMapping("/api/configs/{id}")
        ConfigView get(Caller caller, @PathVariable String id) {
            return ConfigView.of(load(caller, id));
        }

        @PutMapping("/api/configs/{id}")
        ConfigView put(Caller caller, @PathVariable String id, @Valid @RequestBody ConfigUpdate update) {
            ConfigItem item = load(caller, id);
            item.setName(update.name());
            item.setVersion(update.version()); // the version the client read: a stale one fails the write
            return ConfigView.of(table.updateItem(item));
        }

        private ConfigItem load(Caller caller, String id) {
            ConfigItem item = table.getItem(Key.builder().partitionValue(caller.requireOrganization()).sortValue(id).build());
            if (item == null) {
                throw new NotFoundException("config", id);
            }
            return item;
        }
    }
}
