package io.fahuo.couriers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.fahuo.couriers.domain.CourierProvider;

/** The courier connectors present in this build, by provider. */
@Component
class ConnectorRegistry {

    private final Map<CourierProvider, CourierConnector> connectors = new EnumMap<>(CourierProvider.class);

    ConnectorRegistry(List<CourierConnector> connectors) {
        connectors.forEach(c -> this.connectors.put(c.provider(), c));
    }

    CourierConnector get(CourierProvider provider) {
        CourierConnector c = connectors.get(provider);
        if (c == null) {
            throw new CourierException("provider", "no connector for " + provider, false);
        }
        return c;
    }
}
