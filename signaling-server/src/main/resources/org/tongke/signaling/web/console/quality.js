// Connection quality from RTCPeerConnection.getStats(): round-trip time, packet loss and bitrate of
// what is received, measured between two samples and put in three words a teacher can act on.

/** Thresholds: under 150 ms and 2 % loss a lesson feels live; past 400 ms or 8 % speech breaks up. */
export const GOOD = { rttMs: 150, lossPct: 2 };
export const FAIR = { rttMs: 400, lossPct: 8 };

/** What one getStats() report says, summed over the inbound streams. */
export function readReport(report, at = performance.now()) {
  const sample = { at, bytes: 0, packetsReceived: 0, packetsLost: 0, framesDecoded: 0, rttMs: null };
  report.forEach((s) => {
    if (s.type === 'inbound-rtp') {
      sample.bytes += s.bytesReceived ?? 0;
      sample.packetsReceived += s.packetsReceived ?? 0;
      sample.packetsLost += Math.max(0, s.packetsLost ?? 0);
      if (s.kind === 'video') {
        sample.framesDecoded += s.framesDecoded ?? 0;
      }
    } else if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded'
        && typeof s.currentRoundTripTime === 'number') {
      sample.rttMs = Math.round(s.currentRoundTripTime * 1000);
    }
  });
  return sample;
}

/** Loss and bitrate between two samples of the same connection; rtt from the newer one. */
export function measure(previous, current) {
  const seconds = previous ? (current.at - previous.at) / 1000 : 0;
  if (!previous || seconds <= 0) {
    return { rttMs: current.rttMs, lossPct: null, kbps: null, framesDecoded: current.framesDecoded };
  }
  const received = current.packetsReceived - previous.packetsReceived;
  const lost = current.packetsLost - previous.packetsLost;
  const lossPct = received + lost > 0 ? (100 * Math.max(0, lost)) / (received + lost) : 0;
  const kbps = Math.max(0, (8 * (current.bytes - previous.bytes)) / seconds / 1000);
  return { rttMs: current.rttMs, lossPct, kbps, framesDecoded: current.framesDecoded };
}

/** good, fair, poor, or unknown while nothing has been measured. */
export function classify({ rttMs, lossPct }) {
  if (rttMs === null || lossPct === null) {
    return 'unknown';
  }
  if (rttMs < GOOD.rttMs && lossPct < GOOD.lossPct) {
    return 'good';
  }
  if (rttMs < FAIR.rttMs && lossPct < FAIR.lossPct) {
    return 'fair';
  }
  return 'poor';
}
