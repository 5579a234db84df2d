/**
 * Demo mode: fills the default tenant with a warehouse, SKUs and stock, a Douyin shop and a Kdniao
 * account that point at the simulators, so the main job runs visibly on a fresh machine.
 */
package io.fahuo.demo;
