package io.fahuo.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.support.LabelDecoder;

/** The labels shown in the README and docs are real renderings, and they scan. */
class LabelDocImagesTest {

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void theDocumentedLabelOfEachSizeScans(LabelSize size) throws IOException {
        Path image = Path.of("..", "docs", "images", "label-" + size.code() + ".png");
        var png = ImageIO.read(image.toFile());

        assertThat(png.getWidth()).isEqualTo(size.widthMm() * 8);
        assertThat(png.getHeight()).isEqualTo(size.heightMm() * 8);
        assertThat(LabelDecoder.barcodes(png)).contains("CODE_128:73100000000001", "QR_CODE:73100000000001");
    }
}
