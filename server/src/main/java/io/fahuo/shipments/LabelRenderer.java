package io.fahuo.shipments;

import java.util.List;

import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSpec;

/**
 * Turns labels into one format (PDF, ZPL, TSPL). One bean per {@link LabelFormat}; all of them draw the
 * same layout from the same {@link LabelData}, so a label reads the same on paper whichever way it is printed.
 */
public interface LabelRenderer {

    LabelFormat format();

    /** The labels, in order, as one document: a PDF with a page per label, or one printer job. */
    byte[] render(List<LabelData> labels, LabelSpec spec);
}
