package io.lunora.auth.mfa;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as inline SVG, for the authenticator app's camera: inline, so the page needs no image
 * request and no {@code data:} source (the sign-in pages' CSP allows neither), and drawn with
 * presentation attributes, not a style. One path of unit squares; four modules of quiet zone.
 */
public final class QrCode {
    private QrCode() {
    }

    public static String svg(String text, String id, String label) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + label
                + "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + size * 5 + "\" height=\"" + size * 5
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
