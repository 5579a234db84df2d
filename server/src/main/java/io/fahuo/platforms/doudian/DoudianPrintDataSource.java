package io.fahuo.platforms.doudian;

import java.util.List;
import java.util.Optional;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.couriers.domain.CourierAccount;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.printing.PlatformPrintDataSource;
import io.fahuo.printing.PrintComponentMapper;
import io.fahuo.printing.domain.PlatformPrintData;
import io.fahuo.shipments.domain.Shipment;

/**
 * Print data of Douyin-issued waybills ({@code logistics.waybillApply}) for Douyin's print component; waybills
 * of any other account are not this source's. The template is the carrier's standard 76×130 one unless
 * {@code fahuo.doudian.waybill-template-url} says otherwise.
 */
public class DoudianPrintDataSource implements PlatformPrintDataSource {

    private final DoudianWaybillConnector waybills;
    private final CourierAccounts accounts;
    private final String templateUrl;

    public DoudianPrintDataSource(DoudianWaybillConnector waybills, CourierAccounts accounts, String templateUrl) {
        this.waybills = waybills;
        this.accounts = accounts;
        this.templateUrl = templateUrl;
    }

    @Override
    public Optional<PlatformPrintData> printData(long tenantId, Shipment shipment) {
        if (shipment.courierAccountId() == null || shipment.trackingNumber() == null) {
            return Optional.empty();
        }
        CourierAccount account = accounts.get(tenantId, shipment.courierAccountId());
        if (account.provider() != CourierProvider.DOUYIN) {
            return Optional.empty();
        }
        DoudianLogisticsMapper.PrintData data = waybills.printData(account, shipment.carrier(), List.of(shipment.trackingNumber()))
                .get(shipment.trackingNumber());
        if (data == null) {
            return Optional.empty();
        }
        return Optional.of(PrintComponentMapper.douyin(data.trackingNumber(), data.printData(), data.sign(), templateUrl, null));
    }
}
