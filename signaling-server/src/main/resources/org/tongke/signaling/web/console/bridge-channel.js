// The bridge channel (docs/media.md): in `bridge` mode each console opens the colibri WebSocket of
// its own endpoint on the bridge, the URL the server passes on from the bridge's allocation, and
// tells the bridge over it what it wants to receive (ReceiverVideoConstraints: the lead teacher
// and the room with the floor high, the others low). The server says what to send; this only
// keeps the channel up: sends the constraints on open and on each change, reopens after a drop
// with backoff, and passes on what the bridge asks of this console's own camera.
import { backoff } from './signaling.js';

export class BridgeChannel {
  /** @param onSenderCap (maxHeight) => void: the bridge says nobody wants my camera above this height */
  constructor(mySession, onSenderCap) {
    this.mySession = mySession;
    this.onSenderCap = onSenderCap;
    this.url = null;
    this.constraints = null;
    this.ws = null;
    this.attempt = 0;
    this.retry = null;
    this.opens = 0;
    this.hello = false;
    this.sent = null;
    this.senderCap = null;
  }

  /** The server's `bridge-channel` signal: where the channel is, and what to send over it. */
  update({ url, constraints }) {
    this.constraints = constraints;
    if (url !== this.url) {
      this.shut();
      this.url = url;
      this.attempt = 0;
      this.connect();
    } else {
      this.send();
    }
  }

  connect() {
    if (!this.url) {
      return;
    }
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.hello = false;
    ws.onopen = () => {
      this.attempt = 0;
      this.opens += 1;
      this.send();
    };
    ws.onmessage = (event) => {
      try {
        this.received(JSON.parse(event.data));
      } catch (e) {
        console.warn('console: unreadable bridge channel message', e);
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws) {
        return; // replaced or closed on purpose
      }
      this.ws = null;
      this.retry = setTimeout(() => this.connect(), backoff(this.attempt));
      this.attempt += 1;
    };
  }

  send() {
    if (this.ws?.readyState === WebSocket.OPEN && this.constraints) {
      this.ws.send(JSON.stringify(this.constraints));
      this.sent = this.constraints;
    }
  }

  /** What the bridge says; its other messages (endpoint stats, connectivity) do not concern the console. */
  received(m) {
    if (m.colibriClass === 'ServerHello') {
      this.hello = true;
    } else if (m.colibriClass === 'SenderSourceConstraints'
        && String(m.sourceName).startsWith(`${this.mySession}-`)) {
      this.senderCap = m.maxHeight;
      this.onSenderCap(m.maxHeight);
    }
  }

  /** Leaving the room or going back to peer to peer: the channel closes and stays closed. */
  close() {
    this.shut();
    this.url = null;
    this.constraints = null;
  }

  shut() {
    clearTimeout(this.retry);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) {
      ws.close(1000);
    }
  }

  /** What the test hook shows. */
  summary() {
    return {
      url: this.url, open: this.ws?.readyState === WebSocket.OPEN, opens: this.opens, hello: this.hello,
      sent: this.sent, senderCap: this.senderCap,
    };
  }
}
