package io.fahuo.simulator.doudian;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the simulated platform's logistics and stock sides hold: waybills, edits, netsite balances, SKU stock and its calls. */
@RestController
@RequestMapping(path = "/sim/doudian/_control", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
class SimLogisticsController {

    private final SimLogistics logistics;
    private final SimStock stock;

    SimLogisticsController(SimLogistics logistics, SimStock stock) {
        this.logistics = logistics;
        this.stock = stock;
    }

    @GetMapping("/stock/{shopId}/{code}")
    Map<String, Object> stock(@PathVariable String shopId, @PathVariable String code) {
        return Map.of("shopId", shopId, "code", code, "stock", stock.stock(shopId, code));
    }

    @GetMapping("/stock-calls")
    List<SimStock.Call> stockCalls(@RequestParam(required = false) String shopId) {
        return stock.calls().stream().filter(c -> shopId == null || c.shopId().equals(shopId)).toList();
    }

    @GetMapping("/waybills")
    List<Map<String, Object>> waybills(@RequestParam(required = false) String shopId) {
        return logistics.waybills().stream().filter(w -> shopId == null || w.shopId.equals(shopId)).map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shopId", w.shopId);
            m.put("orderId", w.orderId);
            m.put("packId", w.packId);
            m.put("company", w.company);
            m.put("trackNo", w.trackNo);
            m.put("netsiteCode", w.netsiteCode);
            m.put("issuedAt", w.issuedAt.toString());
            m.put("cancelledAt", w.cancelledAt() == null ? null : w.cancelledAt().toString());
            return m;
        }).toList();
    }

    @GetMapping("/logistics-edits")
    List<SimLogistics.Edit> edits() {
        return logistics.edits();
    }

    @PostMapping("/netsites/{shopId}/{company}")
    Map<String, Object> balance(@PathVariable String shopId, @PathVariable String company, @RequestParam int amount) {
        logistics.setBalance(shopId, company, amount);
        return Map.of("shopId", shopId, "company", company, "amount", amount);
    }
}
