package io.fahuo.shipments.domain;

import java.util.Arrays;
import java.util.Optional;

/** Label stock sizes: 76×130 (China one-part standard), 100×150 (10×15 cm), 100×180. */
public enum LabelSize {
    S76X130(76, 130), S100X150(100, 150), S100X180(100, 180);

    private final int widthMm;
    private final int heightMm;

    LabelSize(int widthMm, int heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public int widthMm() {
        return widthMm;
    }

    public int heightMm() {
        return heightMm;
    }

    public String code() {
        return widthMm + "x" + heightMm;
    }

    public static Optional<LabelSize> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code)).findFirst();
    }
}
