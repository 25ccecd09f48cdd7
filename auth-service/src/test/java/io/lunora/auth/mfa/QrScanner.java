package io.lunora.auth.mfa;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Reads a sign-in page's QR code the way a phone's camera would: the inline SVG is drawn into a
 * picture and decoded by Debian's {@code zbarimg} (zbar-tools), a decoder this project did not write.
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
        Path file = Files.createTempFile("qr", ".png");
        try {
            ImageIO.write(picture, "png", file.toFile());
            Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!zbar.waitFor(20, TimeUnit.SECONDS)) {
                zbar.destroyForcibly();
                throw new AssertionError("zbarimg did not finish within 20 s");
            }
            String text = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (zbar.exitValue() != 0) {
                throw new AssertionError("zbarimg found no QR code (exit " + zbar.exitValue() + ")");
            }
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
