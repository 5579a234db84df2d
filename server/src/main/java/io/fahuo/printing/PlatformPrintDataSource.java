package io.fahuo.printing;

import java.util.Optional;

import io.fahuo.printing.domain.PlatformPrintData;
import io.fahuo.shipments.domain.Shipment;

/**
 * Where print data of platform waybills comes from. A connector whose waybills must be printed by the
 * platform's print component (Douyin e-waybills via {@code logistics.waybillApply}, Cainiao via
 * {@code cainiao.waybill.ii.get}) provides a bean; build its answer with
 * {@link PrintComponentMapper}.
 */
public interface PlatformPrintDataSource {

    /** The print data of this shipment's waybill, or empty when this source did not issue it. */
    Optional<PlatformPrintData> printData(long tenantId, Shipment shipment);
}
