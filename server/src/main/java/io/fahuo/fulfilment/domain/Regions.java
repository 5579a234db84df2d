package io.fahuo.fulfilment.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** China's provinces by shipping region, and the ones couriers treat as remote (偏远地区). */
public final class Regions {

    private static final Map<String, List<String>> REGIONS = Map.of(
            "华东", List.of("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东"),
            "华南", List.of("广东", "广西", "海南"),
            "华北", List.of("北京", "天津", "河北", "山西", "内蒙古"),
            "华中", List.of("河南", "湖北", "湖南"),
            "西南", List.of("重庆", "四川", "贵州", "云南", "西藏"),
            "西北", List.of("陕西", "甘肃", "青海", "宁夏", "新疆"),
            "东北", List.of("辽宁", "吉林", "黑龙江"));

    private static final List<String> REMOTE = List.of("新疆", "西藏", "青海", "甘肃", "宁夏", "内蒙古");

    private Regions() {
    }

    /** "浙江省" → "浙江", "新疆维吾尔自治区" → "新疆", "上海市" → "上海". */
    public static String shortProvince(String province) {
        if (province == null) {
            return "";
        }
        for (List<String> provinces : REGIONS.values()) {
            for (String p : provinces) {
                if (province.startsWith(p)) {
                    return p;
                }
            }
        }
        return province.strip();
    }

    public static Optional<String> region(String province) {
        String p = shortProvince(province);
        return REGIONS.entrySet().stream().filter(e -> e.getValue().contains(p)).map(Map.Entry::getKey).findFirst();
    }

    public static boolean isRemote(String province) {
        return REMOTE.contains(shortProvince(province));
    }

    /** 0 same province, 1 same region, 2 elsewhere (or unknown). */
    public static int distance(String from, String to) {
        String a = shortProvince(from);
        String b = shortProvince(to);
        if (!a.isEmpty() && a.equals(b)) {
            return 0;
        }
        Optional<String> ra = region(a);
        return ra.isPresent() && ra.equals(region(b)) ? 1 : 2;
    }
}
