package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalingMetricsTest {
    @Test
    void relayLatencyIsAPrometheusHistogramWithCumulativeBuckets() {
        SignalingMetrics metrics = new SignalingMetrics();
        metrics.relayed(500_000);          // 0.5 ms
        metrics.relayed(3_000_000);        // 3 ms
        metrics.relayed(2_000_000_000L);   // 2 s, past the last bound

        String text = metrics.prometheus();

        assertThat(text).contains("# TYPE tongke_signaling_relay_latency_seconds histogram")
                .contains("tongke_signaling_relay_latency_seconds_bucket{le=\"0.001\"} 1")
                .contains("tongke_signaling_relay_latency_seconds_bucket{le=\"0.005\"} 2")
                .contains("tongke_signaling_relay_latency_seconds_bucket{le=\"1.0\"} 2")
                .contains("tongke_signaling_relay_latency_seconds_bucket{le=\"+Inf\"} 3")
                .contains("tongke_signaling_relay_latency_seconds_count 3");
    }
}
