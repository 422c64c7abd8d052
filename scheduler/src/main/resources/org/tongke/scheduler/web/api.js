// The scheduler's JSON API (docs/api/scheduler.md), one function per call. Errors carry the
// server's {"error": {"code", "message"}} as code and message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body) {
  const init = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(response.status, 'bad-response', `${method} ${path}: ${response.status}`);
  }
  if (!response.ok) {
    const error = (json && json.error) || {};
    throw new ApiError(response.status, error.code || 'error', error.message || `${method} ${path}: ${response.status}`);
  }
  return json;
}

/** The lists the page shows: the weekly lessons, the unplaced ones and the pairings (no dated lessons). */
const PAGE_PARTS = 'weekly,unplaced,compliance';

/** {version, plan} with only PAGE_PARTS filled; an ApiError with code "no-plan" before anything is published. */
export const plan = () => call('GET', `/api/plan?parts=${PAGE_PARTS}`);

/**
 * The county's names: {id, name, communities: [{id, name, type, core, members}], schools: [{id, name,
 * stage, setting, teachers, recordingClassrooms, bellSchedule}]}.
 */
export const county = () => call('GET', '/api/county');

export const startSolve = (seconds) => call('POST', '/api/solve', { seconds, publish: true });

export const job = (id) => call('GET', `/api/jobs/${encodeURIComponent(id)}`);

export const stopJob = (id) => call('DELETE', `/api/jobs/${encodeURIComponent(id)}`);

/** Per weekday, the start times at which the weekly lesson lies inside a period of every one of its schools. */
export const lessonSlots = (weekly) => call('GET', `/api/lessons/${encodeURIComponent(weekly)}/slots`);

export const lessonScore = (weekly) => call('GET', `/api/lessons/${encodeURIComponent(weekly)}/score`);

/** {accepted, saved, version, conflicts}; with dryRun nothing is saved. */
export const move = (weekly, day, start, dryRun) => call('POST', '/api/moves', { weekly, day, start, dryRun });

export const icalSchool = (school) => `/api/ical/school/${encodeURIComponent(school)}.ics`;

export const icalTeacher = (school, teacher) =>
  `/api/ical/teacher/${encodeURIComponent(school)}/${encodeURIComponent(teacher)}.ics`;

export const icalClassroom = (school, classroom) =>
  `/api/ical/classroom/${encodeURIComponent(school)}/${encodeURIComponent(classroom)}.ics`;
