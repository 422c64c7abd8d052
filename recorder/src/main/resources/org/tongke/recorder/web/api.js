// The token and the API, for every recorder page: a page opened with ?token=... keeps the token
// in sessionStorage (gone when the tab closes) and takes it out of the address bar, so it is not
// bookmarked or shared.

const TOKEN_KEY = 'tongke.library.token';

export function token() {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given) {
    sessionStorage.setItem(TOKEN_KEY, given);
    url.searchParams.delete('token');
    history.replaceState(null, '', url);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function call(path, options = {}) {
  const headers = Object.assign({}, options.headers, { Authorization: 'Bearer ' + (token() || '') });
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get('content-type') || '';
  if (!response.ok) {
    const body = type.includes('json') ? await response.json() : { error: 'http-' + response.status, message: '' };
    throw new ApiFailure(response.status, body.error, body.message);
  }
  return type.includes('json') ? response.json() : response.blob();
}

export function getJson(path) {
  return call(path);
}

export function postJson(path, body) {
  return call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
}
