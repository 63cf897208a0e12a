// Disk images in and out of VDIs: upload with XMLHttpRequest (fetch reports no upload progress)
// as PUT /api/v1/vdis/{id}/content, download as GET of the same address, both with the session's
// token and a progress bar. A transfer outlives the page's re-renders: its state lives here, and
// the bar shown for the VDI (progressOf) is updated in place.

import { token, ApiError, problemOf } from './api.js';
import { h } from './render.js';

const transfers = new Map(); // vdi id -> {kind, loaded, total, state}

/** The progress bar and state of the VDI's current or last transfer, or null. */
export function progressOf(vdi) {
  const t = transfers.get(vdi.id);
  if (!t) return null;
  const share = t.total > 0 ? t.loaded / t.total : 0;
  return h('span', { class: 'transfer', id: `transfer-${vdi.id}`, 'data-state': t.state },
    h('progress', { max: 1, value: share, 'aria-label': `${t.kind} of ${vdi.name}` }),
    ` ${t.kind} ${t.state === 'running' ? `${Math.round(share * 100)}%` : t.state}`);
}

function update(vdi, changes) {
  const t = Object.assign(transfers.get(vdi.id), changes);
  const shown = document.getElementById(`transfer-${vdi.id}`);
  if (shown) shown.replaceWith(progressOf(vdi));
  return t;
}

/** Uploads the file into the VDI (raw, or qcow2 when the file's name says so); resolves when it is in place. */
export function upload(vdi, file) {
  const format = /\.qcow2$/i.test(file.name) ? 'qcow2' : 'raw';
  transfers.set(vdi.id, { kind: 'Upload', loaded: 0, total: file.size, state: 'running' });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/v1/vdis/${vdi.id}/content?format=${format}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => update(vdi, { loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        update(vdi, { loaded: file.size, state: 'done' });
        resolve();
        return;
      }
      update(vdi, { state: 'failed' });
      reject(new ApiError(xhr.status, problemFrom(xhr)));
    };
    xhr.onerror = () => {
      update(vdi, { state: 'failed' });
      reject(new ApiError(0, { detail: 'The upload was cut off; check the connection and retry.', code: 'NETWORK_ERROR' }));
    };
    xhr.send(file);
  });
}

function problemFrom(xhr) {
  try {
    return JSON.parse(xhr.responseText);
  } catch (e) {
    return { detail: `The server answered ${xhr.status} ${xhr.statusText}.` };
  }
}

/** Downloads the VDI's image (raw) and hands it to the browser as a file named after the VDI. */
export async function download(vdi) {
  transfers.set(vdi.id, { kind: 'Download', loaded: 0, total: vdi.virtualSize, state: 'running' });
  try {
    const response = await fetch(`/api/v1/vdis/${vdi.id}/content?format=raw`, { headers: { Authorization: `Bearer ${token()}` } });
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    const total = Number(response.headers.get('Content-Length')) || vdi.virtualSize;
    const reader = response.body.getReader();
    const chunks = [];
    let loaded = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      loaded += r.value.length;
      update(vdi, { loaded, total });
    }
    const link = h('a', { href: URL.createObjectURL(new Blob(chunks)), download: `${vdi.name}.raw` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    update(vdi, { state: 'done' });
  } catch (err) {
    update(vdi, { state: 'failed' });
    throw err;
  }
}
