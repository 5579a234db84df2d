package io.fahuo.shipments.label;

import java.time.Instant;
import java.util.List;

import io.fahuo.shipments.domain.LabelData;

/** Labels as the pipeline builds them: masked receiver, demo sender, a few SKUs. */
public final class LabelSamples {

    public static final String LONG_ADDRESS = "新疆维吾尔自治区乌鲁木齐市天山区燕儿窝街道新华南路****(近地铁站B口,从东门进入后右转第二个路口左转,"
            + "走到底看到蓝色大门的快递驿站旁边的单元楼,再往里走三百米到^XZ~JR\"引号\"处) 🏠✨ 𠀀 \u0007 𪚥龘";

    private LabelSamples() {
    }

    public static LabelData label(String tracking, String address) {
        return new LabelData(tracking, "中通快递", "杭州 西湖 D11", "311-J11-11", "浙江杭州转运中心", "李*", "138****1234",
                address, "发货演示旗舰店", "057*****6666", "浙江省杭州市余杭区仓前街道文一西路1500号 3号库",
                List.of(new LabelData.Item("FH-TEE-WHT-M", 2), new LabelData.Item("FH-MUG-350", 1), new LabelData.Item("FH-SOCK-3P", 3),
                        new LabelData.Item("FH-CASE-IP15", 1), new LabelData.Item("FH-TEE-BLK-L", 4)),
                "6921234567890123456", Instant.parse("2026-11-23T10:00:00Z"), tracking);
    }

    /** Everything at its longest: an address with emoji and rare characters, many SKUs, a long 大头笔. */
    public static LabelData worstCase(String tracking) {
        List<LabelData.Item> many = java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(i -> new LabelData.Item("FH-SKU-LONG-CODE-" + i, i)).toList();
        return new LabelData(tracking, "中通快递 (快递鸟 月结 5710012345 华东大区杭州分拨中心)", "乌鲁木齐 天山 燕儿窝 新华南路 驿站 D11-203-A",
                "991-Y88-203 🚚", "新疆乌鲁木齐转运中心 🏭 第二分拨区 A-17 号集包口", "欧阳*" + "😀", "132****4846-7576",
                LONG_ADDRESS, "发货演示旗舰店 🌟 (杭州发货科技有限公司 第三仓库 夜班组)", "057*****6666",
                "浙江省杭州市余杭区仓前街道文一西路1500号 3号库 东门 装卸平台 12 号门 🚪",
                many, "6921234567890123456789-A", Instant.parse("2026-11-23T10:00:00Z"), tracking);
    }
}
