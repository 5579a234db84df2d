package io.fahuo.platforms.doudian;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.platforms.Shops;

/** Douyin's logistics side: e-waybills as a courier source and their print data for Douyin's print component. */
@Configuration(proxyBeanMethods = false)
class DoudianLogisticsConfiguration {

    @Bean
    DoudianWaybillConnector doudianWaybillConnector(DoudianConnector doudian, Shops shops) {
        return new DoudianWaybillConnector(doudian, shops);
    }

    @Bean
    DoudianShippingCorrection doudianShippingCorrection(DoudianConnector doudian) {
        return new DoudianShippingCorrection(doudian);
    }

    @Bean
    DoudianStockSync doudianStockSync(DoudianConnector doudian) {
        return new DoudianStockSync(doudian);
    }

    @Bean
    DoudianPrintDataSource doudianPrintDataSource(DoudianWaybillConnector waybills, CourierAccounts accounts,
            @Value("${fahuo.doudian.waybill-template-url:https://sf3-ttcdn-tos.pstatp.com/obj/logistics-davinci/template/template_76.xml}")
            String templateUrl) {
        return new DoudianPrintDataSource(waybills, accounts, templateUrl);
    }
}
