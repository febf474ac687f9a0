package dev.sharelinks.usage;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * QR codes of URLs, encoded by ZXing; drawn here as an SVG path (one unit per module, one rectangle per run of dark
 * modules, scaled by the browser) or a black-and-white PNG (ZXing scales the modules to whole pixels and centres the
 * code in the size asked for).
 */
@Component
public class QrCodes {

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 1024;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN,
            2,
            EncodeHintType.CHARACTER_SET,
            StandardCharsets.UTF_8.name());

    public String svg(String url, int size) {
        checkSize(size);
        // one unit per module: the browser scales the drawing to the size asked for
        BitMatrix matrix = encode(url, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < matrix.getWidth() && matrix.get(run, y)) {
                    run++;
                }
                path.append('M')
                        .append(x)
                        .append(' ')
                        .append(y)
                        .append('h')
                        .append(run - x)
                        .append("v1h-")
                        .append(run - x)
                        .append('z');
                x = run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    public byte[] png(String url, int size) {
        checkSize(size);
        BitMatrix matrix = encode(url, size);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void checkSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size);
        }
    }

    private static BitMatrix encode(String url, int size) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            // a share URL is far below a QR code's capacity
            throw new IllegalStateException("URL too long for a QR code", e);
        }
    }
}
