// WebRTC with each other participant, signalled through the server's `signal` message.
//
// Who offers is decided by a rule both sides apply alike (offers()): the participant who joined
// later offers to each one already there, who waits; staff never offer (the server forbids it),
// so a console offers to staff whichever came first. Glare, which the rule avoids but a resume
// from a snapshot may still bring, is settled by the perfect negotiation pattern: the polite side
// (the lower session id; staff always) rolls its offer back and answers.
//
// Everything here is keyed by the remote `from` of a signal. In `bridge` mode the bridge will be
// such a remote (its offer relayed by the server); an offer from a session not yet known creates
// its peer on arrival, so that needs no second code path.
import { MEDIA_ROLES } from './room.js';
import { readReport, measure, classify } from './quality.js';

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
    for (const p of participants) {
      if (p.session !== this.me.session && !this.peers.has(p.session) && offers(this.me, p, true)) {
        this.create(p, true);
      }
    }
  }

  /** Delta joined: the newcomer offers, unless it is staff (then I do). */
  joined(participant) {
    if (participant.session !== this.me.session && offers(this.me, participant, false)) {
      this.close(participant.session);
      this.create(participant, true);
    }
  }

  close(session) {
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
      polite: this.me.role === 'staff' || (participant.role !== 'staff' && this.me.session < participant.session),
      makingOffer: false, ignoreOffer: false, sample: null, measured: null, quality: 'unknown',
    };
    this.peers.set(participant.session, peer);
    const to = participant.session;
    pc.ontrack = (event) => {
      peer.stream.addTrack(event.track);
      this.onChange(peer);
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) {
        this.sendSignal(to, 'candidate', candidate.toJSON());
      }
    };
    pc.onnegotiationneeded = () => this.offer(peer);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' && offers(this.me, participant, true)) {
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

  async offer(peer) {
    if (this.me.role === 'staff') {
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

  /** What the test hook and the page show, per remote session. */
  summary() {
    const out = {};
    this.peers.forEach((peer, session) => {
      out[session] = {
        classroom: peer.participant.classroom, role: peer.participant.role,
        connectionState: peer.pc.connectionState, quality: peer.quality,
        framesDecoded: peer.sample?.framesDecoded ?? 0, ...peer.measured,
      };
    });
    return out;
  }
}
