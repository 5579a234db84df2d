package io.fahuo.simulator.parcels;

/** A simulated parcel's fate. */
public enum Scenario {
    /** Collected, carried, delivered. */
    NORMAL,
    /** Never collected. */
    NO_PICKUP,
    /** Collected and carried to a hub, then nothing more. */
    STALL,
    /** Carried to a hub, silent for a while, then reported lost. */
    LOST,
    /** Refused at the door and returned to the sender. */
    REFUSED
}
