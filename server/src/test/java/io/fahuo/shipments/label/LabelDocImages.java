package io.fahuo.shipments.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;
import io.fahuo.support.LabelDecoder;

/**
 * Writes {@code docs/images/label-<size>.png}: one PDF label per size as a 203 dpi thermal printer prints
 * it (8 dots/mm). Run by hand after a layout change: {@code java -cp <test classpath> io.fahuo.shipments.label.LabelDocImages <repo>/docs/images}.
 * {@code LabelDocImagesTest} checks the committed images still scan.
 */
public final class LabelDocImages {

    private LabelDocImages() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (LabelSize size : LabelSize.values()) {
            byte[] pdf = new PdfLabelRenderer().render(List.of(LabelSamples.label("73100000000001", "浙江省杭州市西湖区西溪街道文三路****")),
                    LabelSpec.pdf(size));
            ImageIO.write(LabelDecoder.page(pdf, 0, 25.4f * 8), "png", dir.resolve("label-" + size.code() + ".png").toFile());
        }
    }
}
