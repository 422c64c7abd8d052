// One WebSocket to the signaling server (docs/protocol.md), kept up by itself: hello with the
// token, heartbeats, and after a drop a reconnect with exponential backoff whose hello resumes the
// session from the last seq seen, so the server replays what was missed or sends fresh snapshots.

export const PROTOCOL_VERSION = 1;
/** First retry after half a second, doubling up to 15 s: a rural router restart takes ~10-20 s. */
export const BACKOFF_FIRST_MS = 500;
export const BACKOFF_MAX_MS = 15000;
/** Close codes after which retrying cannot help: a refused token, the session taken up elsewhere. */
const FINAL_CLOSES = new Set([4001, 4004]);
/** Our own close of a connection gone silent; any code but 1000 keeps the session resumable. */
const SILENT_CLOSE = 4000;

/** The delay before retry {@code attempt} (0-based): doubling, capped, with jitter so rooms do not retry in step. */
export function backoff(attempt, random = Math.random) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

export class SignalingClient {
  /**
   * @param url       ws(s)://host/ws
   * @param token     the signed token for hello
   * @param handlers  onWelcome(welcome), onMessage(message) for every numbered message after it,
   *                  onLink({state, ...}) for what the page shows about the connection
   */
  constructor(url, token, handlers) {
    this.url = url;
    this.token = token;
    this.handlers = handlers;
    this.session = null;
    this.lastSeq = 0;
    this.attempt = 0;
    this.resumes = 0;
    /** How the last welcome put this client right: buffer, snapshot, or null (a fresh session). */
    this.replay = null;
    this.stopped = false;
    this.ws = null;
    this.welcomed = false;
    this.timers = { retry: null, ping: null };
    this.heardAt = 0;
  }

  start() {
    this.connect();
  }

  /** Leaves for good: a clean close (1000) takes the session out of its rooms at once. */
  stop() {
    this.stopped = true;
    this.clearTimers();
    if (this.ws) {
      this.ws.close(1000, 'bye');
    }
  }

  /** Sends one message; false when there is no welcomed connection (the caller may try again). */
  send(type, fields = {}) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.welcomed) {
      return false;
    }
    this.ws.send(JSON.stringify({ v: PROTOCOL_VERSION, type, ...fields }));
    return true;
  }

  connect() {
    this.handlers.onLink({ state: 'connecting' });
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.welcomed = false;
    ws.onopen = () => this.hello(ws, this.session !== null);
    ws.onmessage = (event) => this.received(ws, event.data);
    ws.onclose = (event) => this.closed(ws, event);
  }

  hello(ws, resume) {
    const hello = { v: PROTOCOL_VERSION, type: 'hello', token: this.token };
    if (resume) {
      hello.resume = { session: this.session, lastSeq: this.lastSeq };
    }
    ws.send(JSON.stringify(hello));
  }

  received(ws, data) {
    if (ws !== this.ws) {
      return;
    }
    this.heardAt = Date.now();
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      console.warn('console: a frame that is not JSON', e);
      return;
    }
    if (!this.welcomed) {
      this.beforeWelcome(ws, message);
      return;
    }
    // A replay never repeats what was seen; the check keeps a doubled frame from applying twice.
    if (typeof message.seq === 'number') {
      if (message.seq <= this.lastSeq) {
        return;
      }
      this.lastSeq = message.seq;
    }
    this.handlers.onMessage(message);
  }

  beforeWelcome(ws, message) {
    if (message.type === 'welcome') {
      this.welcomed = true;
      this.attempt = 0;
      if (message.resumed) {
        this.resumes += 1;
      }
      this.replay = message.replay;
      this.session = message.session;
      this.lastSeq = message.seq;
      this.heartbeat(message.heartbeatSeconds);
      this.handlers.onLink({ state: message.resumed ? 'resumed' : 'online' });
      this.handlers.onWelcome(message);
    } else if (message.type === 'error' && message.code === 'RESUME_REFUSED') {
      this.session = null;
      this.hello(ws, false);
    } else if (message.type === 'error') {
      this.handlers.onLink({ state: 'refused', code: message.code, message: message.message });
    }
  }

  /** Pings every interval; a connection silent for two intervals is closed here and retried. */
  heartbeat(seconds) {
    clearInterval(this.timers.ping);
    const every = Math.max(1, seconds) * 1000;
    this.heardAt = Date.now();
    this.timers.ping = setInterval(() => {
      if (Date.now() - this.heardAt > 2 * every) {
        // A dead link may take long to report its close: give up on it now and retry.
        const dead = this.ws;
        this.closed(dead, { code: SILENT_CLOSE });
        dead.close(SILENT_CLOSE, 'silent');
        return;
      }
      this.send('ping', { t: Date.now() });
    }, every);
  }

  closed(ws, event) {
    if (ws !== this.ws) {
      return;
    }
    clearInterval(this.timers.ping);
    this.welcomed = false;
    this.ws = null;
    if (this.stopped) {
      return;
    }
    if (FINAL_CLOSES.has(event.code)) {
      this.handlers.onLink({ state: 'failed', code: event.code, reason: event.reason });
      return;
    }
    const delay = backoff(this.attempt);
    this.attempt += 1;
    this.handlers.onLink({ state: 'retrying', seconds: Math.ceil(delay / 1000), attempt: this.attempt });
    this.timers.retry = setTimeout(() => this.connect(), delay);
  }

  clearTimers() {
    clearInterval(this.timers.ping);
    clearTimeout(this.timers.retry);
  }
}
