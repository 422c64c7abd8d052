package org.tongke.platform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TtlTextTest {

    @Test
    void readsShortAndIsoForms() {
        assertThat(TtlText.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TtlText.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(TtlText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TtlText.parse("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThat(TtlText.parse(" P1DT2H ")).isEqualTo(Duration.ofHours(26));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "h", "-5m", "1.5h", "12 h", "1w", "9999999d", "P367D", "PT0S", "-PT1H"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> TtlText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
