// The one way the console talks to Xenplane: the public REST API under /api/v1, with the
// session's token. An error answer (RFC 7807 problem) becomes an ApiError whose message is the
// problem's human text and whose code is its stable code.

const TOKEN_KEY = 'xenplane.session';
const unauthorizedListeners = new Set();

export class ApiError extends Error {
  constructor(status, problem) {
    const text = problem.detail || problem.title || `HTTP ${status}`;
    super(text);
    this.status = status;
    this.code = problem.code || `HTTP_${status}`;
    this.parameters = problem.parameters || {};
    this.title = problem.title || '';
  }

  /** What a person reads: the message and the code, e.g. "The VM is running ... (VM_BAD_POWER_STATE)". */
  describe() {
    return `${this.message} (${this.code})`;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Called when the server says the session is over (401): the console goes back to the login page. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const current = token();
  if (current) headers.Authorization = `Bearer ${current}`;
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch (e) {
    throw new ApiError(0, { title: 'The server cannot be reached', detail: 'The server cannot be reached; check the connection and retry.', code: 'NETWORK_ERROR' });
  }
  if (response.ok) {
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  const error = new ApiError(response.status, await problemOf(response));
  if (response.status === 401 && current) sessionEnded(error);
  throw error;
}

/** The server refused the session (logged out elsewhere, expired, revoked): the login page takes over. */
export function sessionEnded(error) {
  unauthorizedListeners.forEach((l) => l(error));
}

export async function problemOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return { title: response.statusText, detail: `The server answered ${response.status} ${response.statusText}.` };
  }
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);
