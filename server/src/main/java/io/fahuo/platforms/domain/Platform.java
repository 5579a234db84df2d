package io.fahuo.platforms.domain;

public enum Platform {
    DOUDIAN, TIKTOK
}
