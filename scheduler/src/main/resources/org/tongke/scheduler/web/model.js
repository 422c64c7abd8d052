// What the page reads out of a plan (docs/plan-format.md) and the county: the names of schools,
// communities, teachers and rooms, and a scope's lessons and pairings. Pure functions.

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
export const WEEKEND = ['saturday', 'sunday'];
export const KINDS = ['synchronized', 'dedicated-delivery', 'master-teacher'];

export function participants(lesson) {
  return [lesson.host, ...(lesson.receivers || [])];
}

/**
 * The names the page shows, from the county ({@code GET /api/county}; null when it could not be
 * read) and, for anything it lacks, the plan: schools (id → name), communities (id → {id, name,
 * type, core, schools}), and per school its teachers and recording classrooms (id → name).
 */
export function directory(plan, county) {
  const schools = new Map();
  const communities = new Map();
  const teachers = new Map();
  const classrooms = new Map();
  const community = (id) => {
    if (!communities.has(id)) {
      communities.set(id, { id, name: id, type: null, core: null, schools: new Set() });
    }
    return communities.get(id);
  };
  for (const c of county ? county.communities : []) {
    Object.assign(community(c.id), { name: c.name, type: c.type, core: c.core });
    [c.core, ...c.members].forEach((s) => community(c.id).schools.add(s));
  }
  for (const s of county ? county.schools : []) {
    schools.set(s.id, s.name);
    teachers.set(s.id, new Map(s.teachers.map((p) => [p.id, p.name])));
    classrooms.set(s.id, new Map(s.recordingClassrooms.map((r) => [r.id, r.name])));
  }
  for (const lesson of plan.weekly) {
    for (const p of participants(lesson)) {
      if (!schools.has(p.school)) {
        schools.set(p.school, p.schoolName || p.school);
      }
      community(lesson.community).schools.add(p.school);
    }
  }
  for (const c of plan.compliance) {
    const entry = community(c.community);
    entry.type = entry.type || c.type;
    entry.core = entry.core || c.supporting;
    entry.schools.add(c.supporting).add(c.receiving);
    for (const id of [c.supporting, c.receiving]) {
      if (!schools.has(id)) {
        schools.set(id, id);
      }
    }
  }
  for (const u of plan.unplaced) {
    community(u.community);
  }
  const byName = (a, b) => a[1].localeCompare(b[1], 'zh-CN');
  return {
    schools: new Map([...schools].sort(byName)),
    communities: new Map([...communities].sort((a, b) => a[0].localeCompare(b[0]))),
    teachers,
    classrooms,
  };
}

/** A school's teacher or recording classroom by name ({@code dir.teachers}, {@code dir.classrooms}); the id when unknown. */
export function named(bySchool, school, id) {
  const names = bySchool.get(school);
  return (names && names.get(id)) || id;
}

/** The part of the plan a scope ("county", "community:ID", "school:ID") shows, as the API's filters do. */
export function view(plan, dir, scope) {
  const [kind, id] = scope.split(':');
  if (kind === 'community') {
    return {
      weekly: plan.weekly.filter((w) => w.community === id),
      compliance: plan.compliance.filter((c) => c.community === id),
      unplaced: plan.unplaced.filter((u) => u.community === id),
    };
  }
  if (kind === 'school') {
    const weekly = plan.weekly.filter((w) => participants(w).some((p) => p.school === id));
    const communities = new Set([...dir.communities.values()].filter((c) => c.schools.has(id)).map((c) => c.id));
    return {
      weekly,
      compliance: plan.compliance.filter((c) => c.supporting === id || c.receiving === id),
      unplaced: plan.unplaced.filter((u) => communities.has(u.community)),
    };
  }
  return { weekly: plan.weekly, compliance: plan.compliance, unplaced: plan.unplaced };
}

/** The weekday columns: Monday to Friday, and a weekend day only when a lesson falls on it. */
export function days(weekly) {
  return [...WEEKDAYS, ...WEEKEND.filter((d) => weekly.some((w) => w.day === d))];
}

/** Distinct lesson times, earliest first, as {start, end}. */
export function timeRows(weekly) {
  const rows = new Map();
  for (const w of weekly) {
    rows.set(`${w.start}-${w.end}`, { start: w.start, end: w.end });
  }
  return [...rows.values()].sort((a, b) => (a.start + a.end).localeCompare(b.start + b.end));
}

/** "0hard/0medium/-6soft" (or with an init part first) as its numbers; null when it is not that form. */
export function scoreParts(score) {
  const m = /^(?:(-?\d+)init\/)?(-?\d+)hard\/(-?\d+)medium\/(-?\d+)soft$/.exec(score || '');
  return m ? { init: m[1] ? Number(m[1]) : 0, hard: Number(m[2]), medium: Number(m[3]), soft: Number(m[4]) } : null;
}

/** "4 of 8 online research sessions" as {planned, target, what}; null for any other sentence. */
export function shortfallParts(text) {
  const m = /^(\d+) of (\d+) (.+)$/.exec(text);
  return m ? { planned: Number(m[1]), target: Number(m[2]), what: m[3] } : null;
}

export const isTime = (text) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text);

/** A small element builder: h('td', {class: 'x'}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}
