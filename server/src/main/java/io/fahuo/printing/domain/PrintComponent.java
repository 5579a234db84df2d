package io.fahuo.printing.domain;

/**
 * The platforms' own print components, local programs a merchant installs that render platform waybills
 * from encrypted print data. The console talks to them over WebSocket on the merchant's machine.
 */
public enum PrintComponent {
    /** 抖音电子面单 print component. */
    DOUYIN("ws://localhost:13888"),
    /** 菜鸟打印组件 ({@code wss://localhost:13529} for pages served over https). */
    CAINIAO("ws://localhost:13528");

    private final String websocketUrl;

    PrintComponent(String websocketUrl) {
        this.websocketUrl = websocketUrl;
    }

    public String websocketUrl() {
        return websocketUrl;
    }
}
