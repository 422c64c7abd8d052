// Draws the room: video tiles, hand queue, floor, the lead teacher's controls, the rural room's
// hand and attendance, chat. Buttons carry data-action; one listener per panel turns a click into
// a protocol message, so redrawing a panel never loses a handler.
import { t } from './i18n.js';
import { MEDIA_ROLES } from './room.js';

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) {
      return;
    }
    if (k === 'dataset') {
      Object.assign(node.dataset, v);
    } else {
      node.setAttribute(k, v === true ? '' : v);
    }
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function button(action, label, data = {}, cls = '') {
  return el('button', { type: 'button', class: cls, dataset: { action, ...data } }, label);
}

/** A button that turns {@code action} off when it is on, and on when off (data-on: what a click asks). */
function switchButton(action, classroom, on, offLabel, onLabel) {
  return button(action, t(on ? offLabel : onLabel), { classroom, on: String(!on) }, on ? 'on' : '');
}

/** Who a participant is, in words: the classroom they speak for, else their role and name. */
export function whoIs(p) {
  if (p.role === 'lead-teacher') {
    return p.classroom ? `${t('video.lead')} · ${p.classroom}` : `${t('video.lead')} · ${p.subject}`;
  }
  return p.classroom ?? p.subject;
}

export class View {
  /** @param act (type, fields) => void, a protocol message the user asked for */
  constructor(act) {
    this.act = act;
    this.tiles = new Map();
    ['controls', 'hands', 'floor', 'rural', 'attendance-form', 'chat-form'].forEach((id) => {
      const panel = $(id);
      panel.addEventListener('click', (e) => this.clicked(e));
    });
    $('attendance-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('attendance', { present: Number($('attendance-present').value), total: Number($('attendance-total').value) });
    });
    $('chat-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const text = $('chat-text').value.trim();
      if (text) {
        this.act('chat', { text: text.slice(0, 500) });
        $('chat-text').value = '';
      }
    });
  }

  clicked(event) {
    const b = event.target.closest('button[data-action]');
    if (!b) {
      return;
    }
    const d = b.dataset;
    const c = d.classroom;
    switch (d.action) {
      case 'grant': this.act('grant-floor', { classroom: c }); break;
      case 'revoke': this.act('revoke-floor', {}); break;
      case 'lower': this.act('lower-hand', c ? { classroom: c } : {}); break;
      case 'raise': this.act('raise-hand', {}); break;
      case 'mute': this.act('mute', { classroom: c, muted: d.on === 'true' }); break;
      case 'lock': this.act('lock', { classroom: c, locked: d.on === 'true' }); break;
      case 'spotlight': this.act('spotlight', { classroom: c === '' ? null : c }); break;
      case 'start': this.act('start-lesson', {}); break;
      case 'end': this.act('end-lesson', {}); break;
      default: break;
    }
  }

  notice(text) {
    $('notice').textContent = text ?? '';
    $('notice').hidden = !text;
  }

  link(state, text) {
    $('link-status').dataset.state = state;
    $('link-status').textContent = text;
  }

  identity(me) {
    $('me').textContent = me ? `${t(`role.${me.role}`)} · ${me.classroom ?? me.subject}` : '—';
  }

  /** Everything but the tiles, redrawn after each change of the room. */
  room(model, me) {
    const s = model.state;
    $('room-id').textContent = s ? `${s.title} (${s.id})` : model.id;
    $('lesson-state').dataset.lesson = s?.lesson ?? '';
    $('lesson-state').textContent = s ? t(`lesson.${s.lesson}`) : t('lesson.none');
    $('media-mode').textContent = s ? t(`media.${s.media}`) : '—';
    if (!s || !me) {
      return;
    }
    const lead = me.role === 'lead-teacher';
    const rural = me.role === 'assistant-teacher' && me.classroom && s.classrooms.includes(me.classroom);
    $('controls-section').hidden = !lead;
    $('rural-section').hidden = !rural;
    this.hands(s, lead, rural ? me.classroom : null);
    this.floor(s, lead, me.classroom);
    if (lead) {
      this.controls(s);
    }
    if (rural) {
      this.rural(s, me.classroom);
    }
    this.chat(s, me.role === 'staff');
  }

  hands(s, lead, mine) {
    const list = $('hands-list');
    list.replaceChildren(...s.hands.map((c, i) => el('li', { dataset: { classroom: c } },
      el('span', { class: 'who' }, `${i + 1}. ${c}`),
      lead ? [button('grant', t('hands.grant'), { classroom: c }, 'primary grant'),
        button('lower', t('hands.lower'), { classroom: c }, 'lower')] : [],
      c === mine ? button('lower', t('rural.lower'), {}, 'lower') : [])));
    $('hands-empty').hidden = s.hands.length > 0;
  }

  floor(s, lead, mine) {
    const status = $('floor-status');
    status.dataset.floor = s.floor ?? '';
    status.dataset.mine = String(s.floor !== null && s.floor === mine);
    status.textContent = s.floor === null ? t('floor.none')
      : s.floor === mine ? t('floor.mine') : t('floor.holder', { classroom: s.floor });
    $('floor-revoke').hidden = !(lead && s.floor !== null);
  }

  controls(s) {
    $('start-lesson').disabled = s.lesson !== 'waiting';
    $('end-lesson').disabled = s.lesson === 'ended';
    // The lead teacher's own classroom (the host) is never a target of control.
    const rows = s.classrooms.filter((c) => c !== s.host).map((c) => {
      const muted = s.muted.includes(c);
      const locked = s.locked.includes(c);
      const spot = s.spotlight === c;
      const present = s.participants.some((p) => p.classroom === c && p.role !== 'lead-teacher');
      const att = s.attendance[c];
      return el('tr', { dataset: { classroom: c }, class: present ? 'present' : 'absent' },
        el('th', { scope: 'row' }, c),
        el('td', {}, att ? t('attendance.value', att) : t('attendance.none')),
        el('td', {}, s.floor === c ? button('revoke', t('control.floor'), {}, 'on')
          : button('grant', t('control.floor'), { classroom: c })),
        el('td', {}, switchButton('mute', c, muted, 'control.unmute', 'control.mute')),
        el('td', {}, switchButton('lock', c, locked, 'control.unlock', 'control.lock')),
        el('td', {}, button('spotlight', spot ? t('control.unspotlight') : t('control.spotlight'),
          { classroom: spot ? '' : c }, spot ? 'on' : '')));
    });
    $('controls-rows').replaceChildren(...rows);
  }

  rural(s, mine) {
    const raised = s.hands.includes(mine);
    const b = $('raise-hand');
    b.dataset.action = raised ? 'lower' : 'raise';
    b.textContent = raised ? t('rural.lower') : t('rural.raise');
    $('hand-status').textContent = raised ? t('rural.raised') : '';
    const muted = s.muted.includes(mine);
    const mute = $('self-mute');
    mute.dataset.classroom = mine;
    mute.dataset.on = String(!muted);
    mute.textContent = muted ? t('control.unmute') : t('control.mute');
    // A locked room may not unmute itself; the lead teacher unlocks it.
    mute.disabled = muted && s.locked.includes(mine);
    $('mute-status').textContent = s.locked.includes(mine) ? t('rural.locked') : muted ? t('rural.muted') : '';
    const att = s.attendance[mine];
    $('attendance-value').textContent = att ? t('attendance.value', att) : t('attendance.none');
  }

  chat(s, readOnly) {
    const list = $('chat-list');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren(...s.chat.map((c) => el('li', {},
      el('span', { class: 'who' }, c.classroom ?? c.subject), ' ',
      el('time', { datetime: c.at }, new Date(c.at).toLocaleTimeString()), ' ',
      el('span', { class: 'text' }, c.text))));
    $('chat-empty').hidden = s.chat.length > 0;
    $('chat-form').hidden = readOnly;
    $('chat-readonly').hidden = !readOnly;
    if (nearBottom) {
      list.scrollTop = list.scrollHeight;
    }
  }

  /** The tiles: mine first, then one per other participant with media, in the order they came. */
  videos(model, me, localStream, peers) {
    const grid = $('videos');
    const s = model.state;
    const wanted = new Map();
    if (me && me.role !== 'staff') {
      wanted.set('local', { participant: me, stream: localStream, local: true });
    }
    // Staff observe and send nothing: no tile of their own.
    (s?.participants ?? []).filter((p) => p.session !== me?.session && MEDIA_ROLES.has(p.role) && p.role !== 'staff')
      .forEach((p) => wanted.set(p.session, { participant: p, stream: peers.get(p.session)?.stream ?? null }));
    for (const [key, tile] of this.tiles) {
      if (!wanted.has(key)) {
        tile.root.remove();
        this.tiles.delete(key);
      }
    }
    for (const [key, w] of wanted) {
      const tile = this.tiles.get(key) ?? this.tile(key, w.local);
      grid.append(tile.root);
      this.fill(tile, w, s, model.away.has(key), peers.get(key));
    }
  }

  /**
   * Browsers refuse to play sound before the user has touched the page: then the picture plays
   * muted and the first click anywhere turns every room's sound on.
   */
  play(video, local) {
    video.play().catch((e) => {
      if (local || e.name !== 'NotAllowedError') {
        return;
      }
      video.muted = true;
      video.play().catch(() => {});
      this.notice(t('sound.click'));
      document.addEventListener('click', () => {
        document.querySelectorAll('.tile:not(.local) video').forEach((v) => {
          v.muted = false;
        });
        this.notice(null);
      }, { once: true });
    });
  }

  tile(key, local) {
    const video = el('video', { autoplay: true, playsinline: true, muted: local });
    video.muted = local;
    const label = el('span', { class: 'label' });
    const badges = el('span', { class: 'badges' });
    const quality = el('span', { class: 'quality' });
    const root = el('figure', { class: local ? 'tile local' : 'tile', dataset: { session: key } },
      video, el('figcaption', {}, label, badges, quality));
    const tile = { root, video, label, badges, quality };
    this.tiles.set(key, tile);
    return tile;
  }

  fill(tile, w, s, away, peer) {
    const p = w.participant;
    tile.root.dataset.classroom = p.classroom ?? '';
    tile.root.dataset.role = p.role;
    tile.label.textContent = w.local ? t('video.local', { who: p.classroom ?? t(`role.${p.role}`) }) : whoIs(p);
    if (w.stream && tile.video.srcObject !== w.stream) {
      tile.video.srcObject = w.stream;
      this.play(tile.video, w.local);
    }
    const flags = [];
    if (away) flags.push(['away', t('video.away')]);
    if (s && p.classroom && s.floor === p.classroom) flags.push(['floor', t('video.floor')]);
    if (s && p.classroom && s.spotlight === p.classroom) flags.push(['spotlight', t('video.spotlight')]);
    if (s && p.classroom && s.muted.includes(p.classroom)) flags.push(['muted', t('video.muted')]);
    if (s && p.classroom && s.locked.includes(p.classroom)) flags.push(['locked', t('video.locked')]);
    tile.badges.replaceChildren(...flags.map(([k, text]) => el('span', { class: `badge ${k}` }, text)));
    tile.root.classList.toggle('away', away);
    tile.root.classList.toggle('spotlit', Boolean(s && p.classroom && s.spotlight === p.classroom));
    if (peer) {
      const m = peer.measured ?? {};
      tile.quality.dataset.quality = peer.quality;
      tile.quality.textContent = peer.quality === 'unknown' ? t('quality.unknown') : t('quality.text', {
        quality: t(`quality.${peer.quality}`), rtt: m.rttMs ?? '—',
        loss: m.lossPct === null ? '—' : m.lossPct.toFixed(1), kbps: m.kbps === null ? '—' : Math.round(m.kbps),
      });
    } else {
      tile.quality.textContent = '';
      delete tile.quality.dataset.quality;
    }
  }
}
