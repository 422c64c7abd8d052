// The room as the server says it is: a snapshot, then deltas applied in order. Plain data, no page.

/** Roles that send and receive media; a classroom agent records on its own box and stays out of it. */
export const MEDIA_ROLES = new Set(['lead-teacher', 'assistant-teacher', 'staff']);

export class RoomModel {
  constructor(id) {
    this.id = id;
    this.state = null;
    /** Sessions whose link dropped (delta away), until back or left; a snapshot does not say. */
    this.away = new Set();
  }

  get joined() {
    return this.state !== null;
  }

  applySnapshot(state) {
    this.state = structuredClone(state);
    this.away.clear();
  }

  /** Applies one delta's change to the state. */
  applyChange(change) {
    const s = this.state;
    if (!s) {
      return;
    }
    switch (change.kind) {
      case 'joined':
        s.participants = s.participants.filter((p) => p.session !== change.participant.session);
        s.participants.push(change.participant);
        break;
      case 'left':
        s.participants = s.participants.filter((p) => p.session !== change.participant.session);
        this.away.delete(change.participant.session);
        break;
      case 'away':
        this.away.add(change.participant.session);
        break;
      case 'back':
        this.away.delete(change.participant.session);
        break;
      case 'hands':
        s.hands = change.queue;
        break;
      case 'floor':
        s.floor = change.classroom;
        break;
      case 'muted':
        s.muted = toggle(s.muted, change.classroom, change.muted);
        break;
      case 'locked':
        s.locked = toggle(s.locked, change.classroom, change.locked);
        break;
      case 'spotlight':
        s.spotlight = change.classroom;
        break;
      case 'chat':
        s.chat = [...s.chat, change.entry].slice(-100);
        break;
      case 'attendance':
        s.attendance = { ...s.attendance, [change.classroom]: change.report };
        break;
      case 'lesson':
        s.lesson = change.state;
        break;
      case 'media':
        s.media = change.mode;
        break;
      default:
        // A kind added after this page was written: nothing here depends on it.
        break;
    }
  }

  participant(session) {
    return this.state?.participants.find((p) => p.session === session) ?? null;
  }
}

function toggle(list, item, on) {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}
