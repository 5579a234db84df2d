package io.fahuo.couriers.domain;

/** How many e-waybill numbers an account has left ({@code total}: ever credited, when the courier says). */
public record WaybillBalance(int available, Integer total) {
}
