/**
 * Connected shops and the platform connectors (Douyin shop, later TikTok Shop): pulling orders, opening
 * the platform's consumer-data protection for a waybill, and writing shipments back. Each platform lives in
 * its own sub-package behind {@link io.fahuo.platforms.PlatformConnector}.
 */
package io.fahuo.platforms;
