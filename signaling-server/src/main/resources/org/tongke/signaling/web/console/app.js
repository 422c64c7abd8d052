// The console: /console?room=ROOM&token=TOKEN. The token moves to sessionStorage and out of the
// address bar (so it is not bookmarked, shared or shown); the page joins the room through the
// signaling server, connects media with every other participant and draws the room.
import { t, applyStatic, setLanguage, language } from './i18n.js';
import { SignalingClient } from './signaling.js';
import { RoomModel } from './room.js';
import { Peers, BRIDGE } from './peers.js';
import { BridgeChannel } from './bridge-channel.js';
import { View } from './view.js';

const TOKEN_KEY = 'tongke.console.token';
/** Small video: a rural uplink of 1-2 Mbit/s carries it to several rooms. */
const CAMERA = { video: { width: { ideal: 320 }, height: { ideal: 180 }, frameRate: { ideal: 15 } }, audio: true };
const JOIN_RETRY_MS = 5000;
const STATS_EVERY_MS = 2000;
/** Offers, answers and candidates kept while the link is down; a connection needs a few dozen at most. */
const OUTBOX_LIMIT = 200;

/** The role the token claims, read without checking it: only to know whether to open the camera. */
function claimedRole(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).role ?? null;
  } catch (e) {
    return null;
  }
}

function takeToken(params) {
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

class Console {
  constructor(roomId, token, open) {
    this.model = new RoomModel(roomId);
    this.open = open;
    this.me = null;
    this.link = { state: 'connecting' };
    this.localStream = null;
    this.peers = null;
    this.channel = null;
    this.outbox = [];
    this.joinRetry = null;
    this.view = new View((type, fields) => this.client.send(type, { room: roomId, ...fields }));
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.client = new SignalingClient(`${scheme}//${location.host}/ws`, token, {
      onWelcome: (w) => this.welcomed(w),
      onMessage: (m) => this.received(m),
      onLink: (l) => this.linked(l),
    });
  }

  /** The camera first (a role that sends), so that every welcome finds the media ready. */
  async start(role) {
    if (role !== 'staff') {
      try {
        this.localStream = await navigator.mediaDevices.getUserMedia(CAMERA);
      } catch (e) {
        this.view.notice(t('error.camera', { reason: e.name }));
      }
    }
    this.client.start();
    setInterval(() => this.peers?.measure().then(() => this.drawVideos()), STATS_EVERY_MS);
    window.addEventListener('pagehide', () => {
      this.channel?.close();
      this.client.stop();
    });
  }

  welcomed(w) {
    const fresh = !w.resumed;
    if (fresh && this.peers) {
      // A new session: the old one has left the room, and every connection with it.
      this.peers.closeAll();
      this.channel?.close();
      this.model.state = null;
    }
    const classroom = w.scope.startsWith('classroom:') ? w.scope.slice('classroom:'.length) : null;
    this.me = { session: w.session, role: w.role, subject: w.subject, classroom };
    this.view.identity(this.me);
    if (!this.peers || fresh) {
      this.outbox = [];
      this.peers = new Peers(this.me, this.localStream, (to, kind, payload) => this.signal(to, kind, payload),
        () => this.drawVideos());
      this.channel = new BridgeChannel(this.me.session, (maxHeight) => this.peers.capCamera(maxHeight));
    } else {
      // Resumed: what WebRTC said while the link was down goes out now, in order.
      this.outbox.splice(0).forEach((m) => this.client.send('signal', m));
    }
    this.peers.setIceServers(w.iceServers);
    if (fresh) {
      this.join();
    }
    this.draw();
  }

  /** A signal is kept while the link is down: the session resumes with its connections, which need it. */
  signal(to, kind, payload) {
    const message = { room: this.model.id, to, kind, payload };
    if (!this.client.send('signal', message) && this.outbox.length < OUTBOX_LIMIT) {
      this.outbox.push(message);
    }
  }

  join() {
    clearTimeout(this.joinRetry);
    this.client.send('join', { room: this.model.id });
  }

  received(m) {
    switch (m.type) {
      case 'snapshot':
        if (m.room === this.model.id) {
          this.model.applySnapshot(m.state);
          this.setMode(m.state.media, m.state.participants);
          this.peers.reconcile(m.state.participants);
          this.draw();
        }
        break;
      case 'delta':
        if (m.room === this.model.id) {
          this.changed(m.change);
        }
        break;
      case 'signal':
        if (m.room === this.model.id && m.from === BRIDGE && m.kind === 'bridge-channel') {
          if (this.peers.mode === 'bridge') {
            this.channel.update(m.payload);
          }
        } else if (m.room === this.model.id) {
          this.peers.signal(m.from, this.model.participant(m.from), m.kind, m.payload);
        }
        break;
      case 'error':
        this.refused(m);
        break;
      default:
        break;
    }
  }

  changed(change) {
    this.model.applyChange(change);
    if (change.kind === 'joined') {
      this.peers.joined(change.participant);
    } else if (change.kind === 'left') {
      this.peers.close(change.participant.session);
    } else if (change.kind === 'media') {
      this.setMode(change.mode, this.model.state?.participants ?? []);
    } else if (change.kind === 'media-notice') {
      this.view.notice(change.message);
    }
    this.draw();
  }

  /** The bridge channel lives only in bridge mode; its URL comes with the server's next `bridge-channel`. */
  setMode(mode, participants) {
    this.peers.setMode(mode, participants);
    if (mode !== 'bridge') {
      this.channel.close();
    }
  }

  /** A room not open yet: the lead teacher opens it when the link names its classrooms, others wait. */
  refused(error) {
    if (error.ref === 'join' && error.code === 'NO_SUCH_ROOM') {
      if (this.me?.role === 'lead-teacher' && this.open.classrooms.length > 0) {
        this.client.send('open-room', { room: this.model.id, title: this.open.title || this.model.id,
          classrooms: this.open.classrooms });
      } else {
        this.view.notice(t('link.waiting-room'));
        this.joinRetry = setTimeout(() => this.join(), JOIN_RETRY_MS);
      }
    } else if (error.ref === 'open-room' && error.code === 'ROOM_EXISTS') {
      this.join();
    } else if (error.ref === 'resume' && error.code === 'NOT_IN_ROOM') {
      // Away longer than the server's grace: the room let us go; back in with a fresh join.
      this.view.notice(t('link.rejoining'));
      this.join();
    } else if (error.ref === 'signal') {
      // To someone who left meanwhile: the left delta closes that connection; nothing to tell the user.
      console.warn('console: signal refused', error.code, error.message);
    } else {
      this.view.notice(t('error.server', { message: `${error.code}: ${error.message}` }));
    }
  }

  linked(l) {
    this.link = l;
    const text = {
      connecting: () => t('link.connecting'),
      online: () => t('link.online'),
      resumed: () => t('link.resumed'),
      retrying: () => t('link.retrying', { seconds: l.seconds, n: l.attempt }),
      refused: () => (l.code.startsWith('TOKEN_') ? t('error.token', { code: l.code })
        : t('error.server', { message: `${l.code}: ${l.message}` })),
      failed: () => ({ 4001: t('error.token', { code: l.reason }), 4004: t('link.elsewhere') }[l.code]
        ?? t('link.failed', { reason: l.reason || l.code })),
    }[l.state]();
    this.view.link(l.state, text);
  }

  draw() {
    this.view.room(this.model, this.me);
    this.drawVideos();
    this.microphone();
  }

  /** A muted classroom's microphone is off here, at the source: nothing of it reaches any room. */
  microphone() {
    const mine = this.me?.classroom;
    const muted = Boolean(mine && this.model.state?.muted.includes(mine));
    this.localStream?.getAudioTracks().forEach((track) => {
      track.enabled = !muted;
    });
  }

  drawVideos() {
    this.view.videos(this.model, this.me, this.localStream, this.peers?.tiles() ?? new Map());
  }

  /** What a test (or a curious engineer in the devtools) reads; changes nothing. */
  debug() {
    return {
      session: this.me?.session ?? null,
      role: this.me?.role ?? null,
      link: this.link.state,
      resumes: this.client.resumes,
      replay: this.client.replay,
      lastSeq: this.client.lastSeq,
      room: this.model.state,
      away: [...this.model.away],
      camera: this.localStream !== null,
      microphone: this.localStream?.getAudioTracks().some((track) => track.enabled) ?? false,
      peers: this.peers?.summary() ?? {},
      media: this.peers?.mode ?? null,
      forwarded: this.peers?.forwardedTracks() ?? {},
      bridgeChannel: this.channel?.summary() ?? null,
      cameraCap: this.peers?.cameraCap ?? null,
    };
  }
}

function main() {
  let app = null;
  applyStatic();
  document.getElementById('lang-toggle').addEventListener('click', () => {
    setLanguage(language() === 'en' ? 'zh' : 'en');
    app?.linked(app.link);
    app?.draw();
  });
  const params = new URLSearchParams(location.search);
  const token = takeToken(params);
  const roomId = params.get('room');
  const notice = document.getElementById('notice');
  window.__console = { state: () => app?.debug() ?? null };
  if (!token || !roomId) {
    notice.dataset.i18n = token ? 'error.no-room' : 'error.no-token';
    applyStatic();
    notice.hidden = false;
    return;
  }
  const open = { title: params.get('title'), classrooms: (params.get('classrooms') ?? '').split(',').filter(Boolean) };
  app = new Console(roomId, token, open);
  app.start(claimedRole(token));
}

main();
