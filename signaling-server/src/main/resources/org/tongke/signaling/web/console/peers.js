// WebRTC with each other participant, signalled through the server's `signal` message.
//
// Who offers is decided by a rule both sides apply alike (offers()): the participant who joined
// later offers to each one already there, who waits; staff never offer (the server forbids it),
// so a console offers to staff whichever came first. Glare, which the rule avoids but a resume
// from a snapshot may still bring, is settled by the perfect negotiation pattern: the polite side
// (the lower session id; staff always) rolls its offer back and answers.
//
// Everything here is keyed by the remote `from` of a signal. In `bridge` mode the bridge is such a
// remote, session `bridge`: the server speaks for it, it always offers, and one connection with it
// carries every other room's tracks, each in a stream whose id is its owner's session; those are
// sorted into one entry per participant, so the tiles are drawn the same way in both modes.
import { MEDIA_ROLES } from './room.js';
import { readReport, measure, classify } from './quality.js';

/** The session id the bridge speaks with (docs/media.md). */
export const BRIDGE = 'bridge';

/** Whether {@code me} starts the connection with {@code other}; {@code meLater}: I joined after them. */
export function offers(me, other, meLater) {
  if (me.role === 'staff' || !MEDIA_ROLES.has(other.role)) {
    return false;
  }
  return meLater || other.role === 'staff';
}

export class Peers {
  /**
   * @param me          my participant: session and role
   * @param localStream the camera and microphone, or null (staff, or no camera: receive only)
   * @param sendSignal  (to, kind, payload) => boolean
   * @param onChange    (peer) => void, when a peer's media or state changes
   */
  constructor(me, localStream, sendSignal, onChange) {
    this.me = me;
    this.localStream = localStream;
    this.sendSignal = sendSignal;
    this.onChange = onChange;
    this.iceServers = [];
    this.peers = new Map();
    this.mode = 'p2p';
    // In bridge mode: per remote session, the tracks the bridge forwards from it.
    this.remote = new Map();
    // The highest height anyone receives of my camera through the bridge (null: no limit said).
    this.cameraCap = null;
  }

  /** What the tiles draw, by remote session: the peers themselves, or in bridge mode their streams. */
  tiles() {
    if (this.mode !== 'bridge') {
      return this.peers;
    }
    const bridge = this.peers.get(BRIDGE);
    this.remote.forEach((entry) => {
      entry.quality = bridge?.quality ?? 'unknown';
      entry.measured = bridge?.measured ?? null;
    });
    return this.remote;
  }

  /**
   * The room's media mode changed: every connection of the old mode goes; in p2p the rule of who
   * offers starts the new ones (I offer to those who joined before me: {@code participants} is in
   * the order they joined), in bridge mode the bridge's offer will come. Were everyone to offer to
   * everyone at once, each pair would have to settle glare, and a pair caught mid-offer by the
   * other's offer can be left with no connection at all.
   */
  setMode(mode, participants) {
    if (mode === this.mode) {
      return;
    }
    this.mode = mode;
    this.cameraCap = null;
    this.closeAll();
    this.remote.clear();
    if (mode === 'p2p') {
      const mine = participants.findIndex((p) => p.session === this.me.session);
      participants.forEach((p, i) => {
        if (p.session !== this.me.session && !this.peers.has(p.session) && offers(this.me, p, mine < 0 || i < mine)) {
          this.create(p, true);
        }
      });
    }
  }

  setIceServers(list) {
    this.iceServers = list ?? [];
  }

  /** After a snapshot: a peer for everyone present, offered to as the rule says; gone ones closed. */
  reconcile(participants) {
    const present = new Set(participants.map((p) => p.session));
    for (const session of [...this.peers.keys()]) {
      if (!present.has(session)) {
        this.close(session);
      }
    }
    if (this.mode === 'bridge') {
      return;
    }
    for (const p of participants) {
      if (p.session !== this.me.session && !this.peers.has(p.session) && offers(this.me, p, true)) {
        this.create(p, true);
      }
    }
  }

  /** Delta joined: the newcomer offers, unless it is staff (then I do). */
  joined(participant) {
    if (this.mode === 'bridge') {
      return;
    }
    if (participant.session !== this.me.session && offers(this.me, participant, false)) {
      this.close(participant.session);
      this.create(participant, true);
    }
  }

  close(session) {
    if (this.remote.delete(session)) {
      this.onChange(null);
    }
    const peer = this.peers.get(session);
    if (peer) {
      this.peers.delete(session);
      peer.pc.close();
      this.onChange(peer);
    }
  }

  closeAll() {
    [...this.peers.keys()].forEach((s) => this.close(s));
  }

  /** A signal from another participant, applied in the order it came. */
  signal(from, participant, kind, payload) {
    let peer = this.peers.get(from);
    if (!peer) {
      if (kind !== 'offer') {
        return; // for a connection already closed here
      }
      peer = this.create(participant ?? { session: from, role: 'unknown', classroom: null }, false);
    }
    peer.chain = peer.chain.then(() => this.apply(peer, kind, payload))
      .catch((e) => console.warn('console: signal from', from, 'failed', e));
  }

  create(participant, initiate) {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const peer = {
      participant, pc, stream: new MediaStream(), chain: Promise.resolve(), attached: false,
      polite: participant.session === BRIDGE || this.me.role === 'staff'
        || (participant.role !== 'staff' && this.me.session < participant.session),
      makingOffer: false, ignoreOffer: false, sample: null, measured: null, quality: 'unknown',
    };
    this.peers.set(participant.session, peer);
    const to = participant.session;
    pc.ontrack = (event) => {
      if (to === BRIDGE) {
        this.forwarded(event);
      } else {
        peer.stream.addTrack(event.track);
      }
      this.onChange(peer);
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) {
        this.sendSignal(to, 'candidate', candidate.toJSON());
      }
    };
    pc.onnegotiationneeded = () => this.offer(peer);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' && to !== BRIDGE && offers(this.me, participant, true)) {
        pc.restartIce();
      }
      this.onChange(peer);
    };
    if (initiate) {
      this.attach(peer);
    }
    this.onChange(peer);
    return peer;
  }

  /** My camera and microphone on the connection; receive-only transceivers when I have none. */
  attach(peer) {
    if (peer.attached) {
      return;
    }
    peer.attached = true;
    if (this.me.role === 'staff') {
      return;
    }
    if (this.localStream) {
      this.localStream.getTracks().forEach((track) => peer.pc.addTrack(track, this.localStream));
    } else if (peer.pc.signalingState === 'stable' && !peer.pc.remoteDescription) {
      peer.pc.addTransceiver('video', { direction: 'recvonly' });
      peer.pc.addTransceiver('audio', { direction: 'recvonly' });
    }
  }

  /** A track the bridge forwards: into the entry of the session its stream is named after. */
  forwarded(event) {
    // Sections 0 and 1 carry my own camera and microphone up, and only the bridge's RTCP down.
    const owner = event.streams[0]?.id;
    if (!owner || event.transceiver?.mid === '0' || event.transceiver?.mid === '1') {
      return;
    }
    let entry = this.remote.get(owner);
    if (!entry) {
      entry = { participant: { session: owner }, stream: new MediaStream(), quality: 'unknown', measured: null };
      this.remote.set(owner, entry);
    }
    entry.stream.addTrack(event.track);
    event.streams[0].onremovetrack = ({ track }) => {
      entry.stream.removeTrack(track);
      if (entry.stream.getTracks().length === 0) {
        this.remote.delete(owner);
      }
      this.onChange(entry);
    };
  }

  async offer(peer) {
    // The bridge always offers; a console only answers it.
    if (this.me.role === 'staff' || peer.participant.session === BRIDGE) {
      return;
    }
    try {
      peer.makingOffer = true;
      await peer.pc.setLocalDescription();
      const d = peer.pc.localDescription;
      this.sendSignal(peer.participant.session, 'offer', { type: d.type, sdp: d.sdp });
    } catch (e) {
      console.warn('console: offer failed', e);
    } finally {
      peer.makingOffer = false;
    }
  }

  async apply(peer, kind, payload) {
    const pc = peer.pc;
    if (kind === 'candidate') {
      try {
        await pc.addIceCandidate(payload);
      } catch (e) {
        if (!peer.ignoreOffer) {
          throw e;
        }
      }
      return;
    }
    const collision = payload.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
    peer.ignoreOffer = !peer.polite && collision;
    if (peer.ignoreOffer) {
      return;
    }
    await pc.setRemoteDescription(payload);
    if (payload.type === 'offer') {
      // Added after the remote offer, my tracks take up its transceivers: one round trip, both ways.
      this.attach(peer);
      await pc.setLocalDescription();
      const d = pc.localDescription;
      this.sendSignal(peer.participant.session, 'answer', { type: d.type, sdp: d.sdp });
      if (peer.participant.session === BRIDGE) {
        await this.applyCameraCap(peer);
      }
    }
  }

  /**
   * The bridge's SenderSourceConstraints: nobody receives my camera above {@code maxHeight}, so
   * the encoder scales down to it (0: nobody wants it, the encoding pauses) and the rural uplink
   * carries no more than is forwarded.
   */
  capCamera(maxHeight) {
    this.cameraCap = maxHeight;
    const bridge = this.peers.get(BRIDGE);
    if (bridge) {
      bridge.chain = bridge.chain.then(() => this.applyCameraCap(bridge))
        .catch((e) => console.warn('console: camera cap failed', e));
    }
  }

  async applyCameraCap(peer) {
    if (this.cameraCap === null) {
      return;
    }
    for (const sender of peer.pc.getSenders()) {
      if (sender.track?.kind !== 'video') {
        continue;
      }
      const params = sender.getParameters();
      if (!params.encodings?.length) {
        continue;
      }
      const height = sender.track.getSettings().height || this.cameraCap;
      params.encodings.forEach((encoding) => {
        encoding.active = this.cameraCap > 0;
        if (this.cameraCap > 0) {
          encoding.scaleResolutionDownBy = Math.max(1, height / this.cameraCap);
        }
      });
      await sender.setParameters(params);
    }
  }

  /** Samples every connection's stats; each peer gets its measured figures and a quality word. */
  async measure() {
    await Promise.all([...this.peers.values()].map(async (peer) => {
      try {
        const sample = readReport(await peer.pc.getStats());
        peer.measured = measure(peer.sample, sample);
        peer.sample = sample;
        peer.quality = classify(peer.measured);
        this.onChange(peer);
      } catch (e) {
        // closed meanwhile
      }
    }));
  }

  /** In bridge mode, the kinds of the tracks the bridge forwards, by the session they come from. */
  forwardedTracks() {
    const out = {};
    this.remote.forEach((entry, owner) => {
      out[owner] = entry.stream.getTracks().map((track) => track.kind).sort();
    });
    return out;
  }

  /** What the test hook and the page show, per remote session. */
  summary() {
    const out = {};
    this.peers.forEach((peer, session) => {
      out[session] = {
        classroom: peer.participant.classroom, role: peer.participant.role,
        connectionState: peer.pc.connectionState, signalingState: peer.pc.signalingState, quality: peer.quality,
        framesDecoded: peer.sample?.framesDecoded ?? 0, ...peer.measured,
      };
    });
    return out;
  }
}
