package io.lunora.viewer.dynamo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between plain values and DynamoDB attribute values; absent attributes read as null/empty. */
public final class Attrs {
    private Attrs() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue list(Collection<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    public static AttributeValue stringSet(Collection<String> values) {
        return AttributeValue.fromSs(List.copyOf(values));
    }

    public static AttributeValue map(Map<String, AttributeValue> values) {
        return AttributeValue.fromM(values);
    }

    /** Puts {@code value} unless it is null or blank (DynamoDB refuses empty key strings, and absent reads better). */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isBlank()) {
            item.put(name, s(value));
        }
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    public static Set<String> set(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasSs() ? Set.of() : new TreeSet<>(v.ss());
    }

    public static Map<String, AttributeValue> nested(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? Map.of() : v.m();
    }
}
