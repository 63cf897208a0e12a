// What the user may do to one VDI, offered only when the VDI's allowedOperations and the role
// allow it: resize (to a size in MiB), upload an image into it, download its image, delete it
// (asks first, naming the disk).

import { h } from '../render.js';
import { post, del } from '../api.js';
import { offered } from '../session.js';
import { attempt, confirmed, report } from '../ui.js';
import { upload, download, progressOf } from '../transfer.js';

const MIB = 1024 * 1024;
const typed = new Map(); // vdi id -> the size typed for a resize, kept across the page's re-renders

export function vdiActions(vdi) {
  const allowed = new Set(offered('vdi', vdi));
  return [
    allowed.has('resize') ? resize(vdi) : null,
    allowed.has('import') ? uploadInput(vdi) : null,
    allowed.has('export') ? h('button', { type: 'button', 'data-action': 'export', 'aria-label': `Download ${vdi.name}`,
      onclick: () => download(vdi).catch(report) }, 'Download') : null,
    allowed.has('destroy') ? h('button', { type: 'button', class: 'danger', 'data-action': 'destroy', 'aria-label': `Delete ${vdi.name}`,
      onclick: async () => {
        if (await confirmed(`Delete VDI "${vdi.name}"? Its data is lost.`, 'Delete')) await attempt(() => del(`/vdis/${vdi.id}`));
      } }, 'Delete') : null,
    progressOf(vdi),
  ];
}

function resize(vdi) {
  const size = h('input', { type: 'number', class: 'size', min: 1, value: typed.get(vdi.id) || Math.ceil(vdi.virtualSize / MIB),
    'data-input': 'resize', 'aria-label': `New size of ${vdi.name} in MiB`, oninput: (e) => typed.set(vdi.id, e.target.value) });
  const resizeTo = async () => {
    await post(`/vdis/${vdi.id}/resize`, { virtualSize: Number(size.value) * MIB });
    typed.delete(vdi.id);
  };
  return h('span', { class: 'inline' }, size, h('button', { type: 'button', 'data-action': 'resize', 'aria-label': `Resize ${vdi.name}`,
    onclick: () => attempt(resizeTo) }, 'Resize'));
}

/** Choosing a file starts its upload (a re-render cannot lose a chosen file that waits for a second click). */
function uploadInput(vdi) {
  return h('label', { class: 'upload' }, 'Upload image ',
    h('input', { type: 'file', 'data-input': 'import', 'aria-label': `Upload an image into ${vdi.name}`,
      onchange: (e) => {
        const file = e.target.files[0];
        if (file) upload(vdi, file).catch(report);
      } }));
}
