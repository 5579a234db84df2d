/**
 * Stand-ins for other people's systems (Douyin Open Platform, Kdniao), faithful to their protocols: same
 * paths, signatures, envelopes, error codes, paging caps and state rules. They keep their state in memory
 * and share no code with Fahuo's connectors, so a connector bug cannot hide behind a shared helper.
 * Mounted under {@code /sim/*} when {@code fahuo.sim.enabled=true} (demo mode), or run alone with
 * {@link io.fahuo.simulator.SimulatorServer}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.fahuo.simulator;
