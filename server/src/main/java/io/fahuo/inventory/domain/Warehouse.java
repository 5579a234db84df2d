package io.fahuo.inventory.domain;

public record Warehouse(long id, long tenantId, String code, String name, WarehouseKind kind, SenderProfile sender,
                        ReturnAddress returnAddress) {
}
