// What the pages show: the pool's objects, loaded once through the REST API and kept current by
// the event stream. Pages read from here and re-render when told; nothing polls.

import { get } from './api.js';
import { follow } from './events.js';

const collections = {
  vm: '/vms',
  host: '/hosts',
  sr: '/srs',
  task: '/tasks?limit=200',
};
const objects = Object.fromEntries(Object.keys(collections).map((c) => [c, new Map()]));
const listeners = new Set();
let stop = null;
let stateListener = () => {};

export function all(objectClass) {
  return [...objects[objectClass].values()];
}

export function one(objectClass, id) {
  return objects[objectClass].get(id);
}

/** listener(event) after every change that reached the console (event null after a reload). */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onConnection(listener) {
  stateListener = listener;
}

/** Takes a token first, then loads: an event between the two is replayed, never missed. */
export async function start() {
  const from = await load();
  stop = follow(from, { onEvent: apply, onLost: load, onState: (s) => stateListener(s) });
}

export function close() {
  if (stop) stop();
  stop = null;
  Object.values(objects).forEach((m) => m.clear());
}

async function load() {
  const { token } = await get('/events');
  await Promise.all(Object.entries(collections).map(async ([c, path]) => {
    const list = await get(path);
    objects[c].clear();
    list.forEach((o) => objects[c].set(o.id, o));
  }));
  listeners.forEach((l) => l(null));
  return token;
}

async function apply(event) {
  const map = objects[event.class];
  if (map) {
    if (event.operation === 'del') map.delete(event.ref);
    else if (event.snapshot && event.snapshot.allowedOperations) map.set(event.ref, event.snapshot);
    else await refresh(event.class, event.ref);
  }
  listeners.forEach((l) => l(event));
}

async function refresh(objectClass, id) {
  try {
    objects[objectClass].set(id, await get(`${collections[objectClass].split('?')[0]}/${id}`));
  } catch (e) {
    if (e.status === 404) objects[objectClass].delete(id);
  }
}
