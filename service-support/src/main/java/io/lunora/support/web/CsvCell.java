package io.lunora.support.web;

/**
 * One cell of a CSV download (RFC 4180: quoted when it holds a comma, quote or line break). A cell
 * a spreadsheet would run as a formula ({@code = + - @}, tab, CR first) is prefixed with an
 * apostrophe: names, e-mail addresses and error texts come from users.
 */
public final class CsvCell {
    private CsvCell() {
    }

    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[^\",\r\n]*") ? safe : '"' + safe.replace("\"", "\"\"") + '"';
    }
}
