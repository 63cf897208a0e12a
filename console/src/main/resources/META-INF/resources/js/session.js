// Who is logged in and what their role may do: GET /api/v1/session for the role, GET
// /api/v1/roles for each role's operations (from the server's one declaration of every
// operation). An action is offered only when the object allows it now AND the role may do it.

import { get, post, del, setToken, token } from './api.js';

let who = null;
let operations = new Set();
let allRoles = [];

export async function login(username, password) {
  const session = await post('/session', { username, password });
  setToken(session.token);
  await load();
}

/** Restores a session kept in this tab (sessionStorage); false when there is none or it ended. */
export async function resume() {
  if (!token()) return false;
  try {
    await load();
    return true;
  } catch (e) {
    setToken(null);
    return false;
  }
}

async function load() {
  who = await get('/session');
  allRoles = await get('/roles');
  const mine = allRoles.find((r) => r.name === who.role);
  operations = new Set(mine ? mine.operations : []);
}

export async function logout() {
  try {
    await del('/session');
  } finally {
    setToken(null);
    who = null;
    operations = new Set();
  }
}

/** Every role with its operations ({name, operations}), as GET /api/v1/roles lists them. */
export function roles() {
  return allRoles;
}

export function user() {
  return who;
}

/** May the user's role perform this declared operation, e.g. "vm.start"? */
export function may(operation) {
  return operations.has(operation);
}

/** The object's allowed operations (verbs such as "clean_shutdown") that this role may also perform. */
export function offered(objectClass, object) {
  return (object.allowedOperations || []).filter((verb) => may(`${objectClass}.${verb}`));
}
