package io.fahuo.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fahuo.couriers.CourierAccounts;
import io.fahuo.fulfilment.domain.CarrierRule;
import io.fahuo.fulfilment.domain.HoldRule;
import io.fahuo.shared.Ids;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;

/** What a merchant tunes: automatic-review rules, carrier rules, splitting and SLA settings. */
@Service
public class FulfilmentRules {

    /** {@code slaAlertWebhookSecret} is generated when a webhook is set; alerts are signed with it. */
    public record Settings(boolean allowSplit, int atRiskHours, String slaAlertWebhookUrl, String slaAlertWebhookSecret) {
        public static final Settings DEFAULTS = new Settings(false, 6, null, null);
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final CourierAccounts accounts;

    FulfilmentRules(JdbcClient jdbc, Ids ids, Clock clock, CourierAccounts accounts) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.accounts = accounts;
    }

    // ------------------------------------------------------------ holds

    public List<HoldRule> holdRules(long tenantId) {
        return jdbc.sql("select id, kind, match_value from hold_rule where tenant_id = ? order by id").param(tenantId)
                .query((rs, n) -> new HoldRule(rs.getLong(1), HoldRule.Kind.valueOf(rs.getString(2)), rs.getString(3))).list();
    }

    @Transactional
    public HoldRule addHoldRule(long tenantId, String kind, String value) {
        HoldRule.Kind k;
        try {
            k = HoldRule.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind must be one of " + Arrays.toString(HoldRule.Kind.values()));
        }
        String v = value == null ? null : value.strip();
        if (k == HoldRule.Kind.AMOUNT_OVER) {
            try {
                if (v == null || Long.parseLong(v) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("AMOUNT_OVER needs an amount in fen (a whole number ≥ 0), e.g. 50000 for ¥500");
            }
        }
        long id = ids.next();
        jdbc.sql("insert into hold_rule (id, tenant_id, kind, match_value, created_at) values (?, ?, ?, ?, ?)")
                .params(id, tenantId, k.name(), v == null || v.isEmpty() ? null : v, clock.instant().atOffset(ZoneOffset.UTC)).update();
        return new HoldRule(id, k, v);
    }

    @Transactional
    public void removeHoldRule(long tenantId, long ruleId) {
        if (jdbc.sql("delete from hold_rule where tenant_id = ? and id = ?").params(tenantId, ruleId).update() == 0) {
            throw new NotFoundException("no hold rule " + ruleId);
        }
    }

    public boolean holdsOnAddressChange(long tenantId) {
        return holdRules(tenantId).stream().anyMatch(r -> r.kind() == HoldRule.Kind.ADDRESS_CHANGE);
    }

    // ------------------------------------------------------------ carriers

    public List<CarrierRule> carrierRules(long tenantId) {
        return jdbc.sql("select * from carrier_rule where tenant_id = ? order by position, id").param(tenantId)
                .query(FulfilmentRules::carrierRule).list();
    }

    /** Adds a rule at the end of the list (or at {@code position}, moving the others down). */
    @Transactional
    public CarrierRule addCarrierRule(long tenantId, CarrierRule rule) {
        if (rule.name() == null || rule.name().isBlank()) {
            throw new InvalidRequestException("a carrier rule needs a name");
        }
        accounts.get(tenantId, rule.courierAccountId());
        if (rule.minWeightGrams() != null && rule.maxWeightGrams() != null && rule.minWeightGrams() > rule.maxWeightGrams()) {
            throw new InvalidRequestException("minimum weight is above the maximum");
        }
        int last = jdbc.sql("select coalesce(max(position), 0) from carrier_rule where tenant_id = ?").param(tenantId).query(Integer.class).single();
        int position = rule.position() <= 0 || rule.position() > last ? last + 1 : rule.position();
        jdbc.sql("update carrier_rule set position = position + 1 where tenant_id = ? and position >= ?").params(tenantId, position).update();
        long id = ids.next();
        jdbc.sql("""
                insert into carrier_rule (id, tenant_id, position, name, provinces, cities, remote_only, min_weight_grams,
                  max_weight_grams, sku_tag, min_amount_fen, max_amount_fen, shop_id, courier_account_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, position, rule.name().strip(), join(rule.provinces()), join(rule.cities()), rule.remoteOnly(),
                        rule.minWeightGrams(), rule.maxWeightGrams(), blankToNull(rule.skuTag()), rule.minAmountFen(),
                        rule.maxAmountFen(), rule.shopId(), rule.courierAccountId(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return carrierRules(tenantId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void removeCarrierRule(long tenantId, long ruleId) {
        Integer position = jdbc.sql("select position from carrier_rule where tenant_id = ? and id = ?").params(tenantId, ruleId)
                .query(Integer.class).optional().orElseThrow(() -> new NotFoundException("no carrier rule " + ruleId));
        jdbc.sql("delete from carrier_rule where tenant_id = ? and id = ?").params(tenantId, ruleId).update();
        jdbc.sql("update carrier_rule set position = position - 1 where tenant_id = ? and position > ?").params(tenantId, position).update();
    }

    // ------------------------------------------------------------ settings

    public Settings settings(long tenantId) {
        return jdbc.sql("select allow_split, at_risk_hours, sla_alert_webhook_url, sla_alert_webhook_secret from fulfilment_settings where tenant_id = ?")
                .param(tenantId).query((rs, n) -> new Settings(rs.getBoolean(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional().orElse(Settings.DEFAULTS);
    }

    @Transactional
    public Settings updateSettings(long tenantId, Settings s) {
        if (s.atRiskHours() < 1 || s.atRiskHours() > 72) {
            throw new InvalidRequestException("the at-risk window must be between 1 and 72 hours");
        }
        if (s.slaAlertWebhookUrl() != null && !s.slaAlertWebhookUrl().isBlank() && !s.slaAlertWebhookUrl().matches("^https?://\\S+$")) {
            throw new InvalidRequestException("the alert webhook must be an http(s) URL");
        }
        String url = blankToNull(s.slaAlertWebhookUrl());
        String secret = url == null ? null : settings(tenantId).slaAlertWebhookSecret();
        if (url != null && secret == null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            secret = java.util.HexFormat.of().formatHex(random);
        }
        jdbc.sql("delete from fulfilment_settings where tenant_id = ?").param(tenantId).update();
        jdbc.sql("""
                insert into fulfilment_settings (tenant_id, allow_split, at_risk_hours, sla_alert_webhook_url, sla_alert_webhook_secret, updated_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tenantId, s.allowSplit(), s.atRiskHours(), url, secret, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return settings(tenantId);
    }

    private static CarrierRule carrierRule(ResultSet rs, int n) throws SQLException {
        return new CarrierRule(rs.getLong("id"), rs.getInt("position"), rs.getString("name"), split(rs.getString("provinces")),
                split(rs.getString("cities")), rs.getBoolean("remote_only"), (Integer) rs.getObject("min_weight_grams", Integer.class),
                rs.getObject("max_weight_grams", Integer.class), rs.getString("sku_tag"), rs.getObject("min_amount_fen", Long.class),
                rs.getObject("max_amount_fen", Long.class), rs.getObject("shop_id", Long.class), rs.getLong("courier_account_id"));
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
    }

    private static String join(Set<String> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(String::strip).sorted().collect(Collectors.joining(","));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
