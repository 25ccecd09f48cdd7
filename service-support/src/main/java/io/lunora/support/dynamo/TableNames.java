package io.lunora.support.dynamo;

/** Physical table names: {@code lunora-{env}-{Table}}, as the data stack names them. */
public record TableNames(String environment) {
    public String of(String logicalName) {
        return "lunora-" + environment + "-" + logicalName;
    }
}
