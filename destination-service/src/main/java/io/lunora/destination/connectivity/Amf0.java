package io.lunora.destination.connectivity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of AMF0 (Adobe's Action Message Format) that RTMP commands use. */
final class Amf0 {
    private static final int NUMBER = 0x00, BOOLEAN = 0x01, STRING = 0x02, OBJECT = 0x03, NULL = 0x05,
            UNDEFINED = 0x06, ECMA_ARRAY = 0x08, OBJECT_END = 0x09, STRICT_ARRAY = 0x0A, DATE = 0x0B,
            LONG_STRING = 0x0C;

    private Amf0() {
    }

    static void writeString(ByteArrayOutputStream out, String value) {
        out.write(STRING);
        writeUtf8(out, value);
    }

    static void writeNumber(ByteArrayOutputStream out, double value) {
        out.write(NUMBER);
        out.writeBytes(ByteBuffer.allocate(8).putDouble(value).array());
    }

    static void writeObject(ByteArrayOutputStream out, Map<String, Object> members) {
        out.write(OBJECT);
        for (Map.Entry<String, Object> member : members.entrySet()) {
            writeUtf8(out, member.getKey());
            switch (member.getValue()) {
                case String s -> writeString(out, s);
                case Number n -> writeNumber(out, n.doubleValue());
                case Boolean b -> {
                    out.write(BOOLEAN);
                    out.write(b ? 1 : 0);
                }
                default -> throw new IllegalArgumentException("unsupported AMF0 value");
            }
        }
        out.writeBytes(new byte[] {0, 0, OBJECT_END});
    }

    /** Reads every value of a command message: name, transaction id, then the arguments. */
    static List<Object> readAll(ByteBuffer in) {
        List<Object> values = new ArrayList<>();
        while (in.hasRemaining()) {
            values.add(read(in));
        }
        return values;
    }

    static Object read(ByteBuffer in) {
        int type = in.get() & 0xFF;
        return switch (type) {
            case NUMBER -> in.getDouble();
            case BOOLEAN -> in.get() != 0;
            case STRING -> readUtf8(in, in.getShort() & 0xFFFF);
            case LONG_STRING -> readUtf8(in, in.getInt());
            case OBJECT -> readMembers(in);
            case ECMA_ARRAY -> {
                in.getInt(); // count hint
                yield readMembers(in);
            }
            case STRICT_ARRAY -> {
                int count = in.getInt();
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                yield items;
            }
            case DATE -> {
                double millis = in.getDouble();
                in.getShort(); // time zone, unused
                yield millis;
            }
            case NULL, UNDEFINED -> null;
            default -> throw new IllegalArgumentException("unsupported AMF0 type " + type);
        };
    }

    private static Map<String, Object> readMembers(ByteBuffer in) {
        Map<String, Object> members = new LinkedHashMap<>();
        while (true) {
            String key = readUtf8(in, in.getShort() & 0xFFFF);
            if (key.isEmpty() && in.get(in.position()) == OBJECT_END) {
                in.get();
                return members;
            }
            members.put(key, read(in));
        }
    }

    private static void writeUtf8(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readUtf8(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
