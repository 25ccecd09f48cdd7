package io.lunora.auth.mfa;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.lunora.testing.QrCodes;
import javax.imageio.ImageIO;

/**
 * Reads a sign-in page's QR code the way a phone's camera would: the inline SVG is drawn into a
 * picture and decoded by {@link QrCodes} (Debian's zbarimg), a decoder this project did not write.
 */
public final class QrScanner {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int SCALE = 6;

    private QrScanner() {
    }

    /** The text of the first QR code in {@code html}. */
    public static String scan(String html) throws IOException, InterruptedException {
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("no QR code's viewBox in the page");
        }
        int size = Integer.parseInt(box.group(1));
        BufferedImage picture = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        var pen = picture.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, size * SCALE, size * SCALE);
        pen.setColor(java.awt.Color.BLACK);
        Matcher module = MODULE.matcher(svg.substring(svg.indexOf(" d=\"")));
        while (module.find()) {
            pen.fillRect(Integer.parseInt(module.group(1)) * SCALE, Integer.parseInt(module.group(2)) * SCALE, SCALE,
                    SCALE);
        }
        pen.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        return QrCodes.read(png.toByteArray());
    }
}
