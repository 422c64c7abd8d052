package org.tongke.config.generate;

import java.util.Map;
import java.util.Optional;

/**
 * The ids of Qingtian's schools: their names in pinyin, written by hand so that readers of
 * the configuration recognise the school (章旦中学 is zhangdan-zhongxue), and the other names
 * the 2021 document uses for some of them.
 */
final class QingtianIds {
    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("章旦中学", "zhangdan-zhongxue"),
            Map.entry("仁宫分校", "rengong-fenxiao"),
            Map.entry("实验小学", "shiyan-xiaoxue"),
            Map.entry("东山分校", "dongshan-fenxiao"),
            Map.entry("江南学校", "jiangnan-xuexiao"),
            Map.entry("湖边分校", "hubian-fenxiao"),
            Map.entry("油竹小学", "youzhu-xiaoxue"),
            Map.entry("彭括分校", "pengkuo-fenxiao"),
            Map.entry("船寮镇小", "chuanliao-zhenxiao"),
            Map.entry("大路分校", "dalu-fenxiao"),
            Map.entry("石盖分校", "shigai-fenxiao"),
            Map.entry("芝溪分校", "zhixi-fenxiao"),
            Map.entry("东源小学", "dongyuan-xiaoxue"),
            Map.entry("红光分校", "hongguang-fenxiao"),
            Map.entry("高湖镇小", "gaohu-zhenxiao"),
            Map.entry("良川分校", "liangchuan-fenxiao"),
            Map.entry("青田二中", "qingtian-erzhong"),
            Map.entry("三溪口学校", "sanxikou-xuexiao"),
            Map.entry("船寮镇中", "chuanliao-zhenzhong"),
            Map.entry("高市乡校", "gaoshi-xiangxiao"),
            Map.entry("海口镇中", "haikou-zhenzhong"),
            Map.entry("海溪乡校", "haixi-xiangxiao"),
            Map.entry("高湖镇中", "gaohu-zhenzhong"),
            Map.entry("季宅乡校", "jizhai-xiangxiao"),
            Map.entry("山口镇中", "shankou-zhenzhong"),
            Map.entry("仁庄镇中", "renzhuang-zhenzhong"),
            Map.entry("方山乡校", "fangshan-xiangxiao"),
            Map.entry("阜山中学", "fushan-zhongxue"),
            Map.entry("北山镇校", "beishan-zhenxiao"),
            Map.entry("巨浦乡小", "jupu-xiangxiao"),
            Map.entry("万阜乡校", "wanfu-xiangxiao"),
            Map.entry("铁资中学", "tiezi-zhongxue"),
            Map.entry("祯旺乡小", "zhenwang-xiangxiao"),
            Map.entry("章村乡小", "zhangcun-xiangxiao"),
            Map.entry("石帆学校", "shifan-xuexiao"),
            Map.entry("舒桥乡小", "shuqiao-xiangxiao"),
            Map.entry("王岙分校", "wangao-fenxiao"),
            Map.entry("城西小学", "chengxi-xiaoxue"),
            Map.entry("祯埠镇小", "zhenbu-zhenxiao"),
            Map.entry("塔山小学", "tashan-xiaoxue"),
            Map.entry("温溪三小", "wenxi-sanxiao"),
            Map.entry("华侨中学", "huaqiao-zhongxue"),
            Map.entry("东源镇中", "dongyuan-zhenzhong"),
            Map.entry("温溪一中", "wenxi-yizhong"),
            Map.entry("温溪五小", "wenxi-wuxiao"),
            Map.entry("海口镇小", "haikou-zhenxiao"),
            Map.entry("城东小学", "chengdong-xiaoxue"),
            Map.entry("平演小学", "pingyan-xiaoxue"),
            Map.entry("山口镇小", "shankou-zhenxiao"),
            Map.entry("汤垟乡小", "tangyang-xiangxiao"),
            Map.entry("仁庄镇小", "renzhuang-zhenxiao"),
            Map.entry("温溪一小", "wenxi-yixiao"),
            Map.entry("温溪四小", "wenxi-sixiao"),
            Map.entry("温溪二小", "wenxi-erxiao"),
            Map.entry("贵岙乡小", "guiao-xiangxiao"),
            Map.entry("魁市教学点", "kuishi-jiaoxuedian"),
            Map.entry("洪府前教学点", "hongfuqian-jiaoxuedian"),
            Map.entry("缙云县紫薇小学", "jinyun-ziwei-xiaoxue"),
            Map.entry("平湖市平师附小", "pinghu-pingshi-fuxiao"),
            Map.entry("嵊州市剡溪小学", "shengzhou-shanxi-xiaoxue"));

    /** Names the pairings table uses for schools the communities list under another name. */
    private static final Map<String, String> ALIASES = Map.of(
            "红光小学", "红光分校",
            "实验小学东山分校", "东山分校",
            // A campus of 青田二中, not a school of its own.
            "青田二中湖边校区", "青田二中");

    private QingtianIds() {
    }

    /** The name a school is known by in the communities list. */
    static String canonicalName(String printed) {
        return ALIASES.getOrDefault(printed, printed);
    }

    static Optional<String> idOf(String printed) {
        return Optional.ofNullable(IDS.get(canonicalName(printed)));
    }

    static String require(String printed) {
        return idOf(printed).orElseThrow(() -> new IllegalArgumentException("no id for Qingtian school '" + printed + "'"));
    }
}
