package org.tongke.config.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

class YamlScalarsTest {
    @Test
    void leavesChineseNamesAndIdsBare() {
        assertThat(YamlScalars.text("四年级(1)班")).isEqualTo("四年级(1)班");
        assertThat(YamlScalars.text("章旦中学—仁宫分校融合型教共体")).isEqualTo("章旦中学—仁宫分校融合型教共体");
        assertThat(YamlScalars.text("zhangdan-zhongxue-rec1")).isEqualTo("zhangdan-zhongxue-rec1");
        assertThat(YamlScalars.text("语文 li-hua")).isEqualTo("语文 li-hua");
        assertThat(YamlScalars.text("2021学年第一学期")).isEqualTo("2021学年第一学期");
    }

    @Test
    void quotesWhatYamlWouldReadAsSomethingElse() {
        for (String value : List.of("null", "~", "true", "yes", "no", "off", "42", "4.5", "8:30", "12:30", "2021-09-01", "")) {
            assertThat(YamlScalars.text(value)).as(value).startsWith("\"");
        }
    }

    @Test
    void quotesWhatWouldBreakAFlowCollection() {
        for (String value : List.of("a, b", "[x]", "{x}", "a: b", "a #b", "#a", "- a", "&a", "*a", "!a", " a", "a ")) {
            assertThat(YamlScalars.text(value)).as(value).startsWith("\"");
        }
    }

    @Test
    void alwaysQuotesTimes() {
        assertThat(YamlScalars.time(LocalTime.of(8, 5))).isEqualTo("\"08:05\"");
    }

    @Test
    void everyValueReadsBackAsTheSameText() {
        List<String> values = List.of("四年级(1)班", "null", "yes", "08:00", "a, b", "a: b", "a #b", "say \"hi\"",
                "back\\slash", "tab\there", "line\nbreak", "bell\u0007", "#a", "'q'", "%x", "@x", "`x`", "?x", "|x", ">x");
        for (String value : values) {
            String yaml = "k: {v: " + YamlScalars.text(value) + "}\nl: [" + YamlScalars.text(value) + "]\n";
            MappingNode root = (MappingNode) new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
            MappingNode inner = (MappingNode) root.getValue().get(0).getValueNode();
            var list = (org.yaml.snakeyaml.nodes.SequenceNode) root.getValue().get(1).getValueNode();
            assertThat(((ScalarNode) inner.getValue().get(0).getValueNode()).getValue()).as(yaml).isEqualTo(value);
            assertThat(((ScalarNode) list.getValue().get(0)).getValue()).as(yaml).isEqualTo(value);
        }
    }
}
