package org.xenplane.storage.api;

/** How {@code vbd.clone_vm} makes the new VM's disks. */
public final class VmDisksClone {
    private VmDisksClone() {
    }

    /**
     * {@code clone}: copy-on-write clones; {@code snapshot}: read-only snapshots; {@code copy}: full
     * copies (to {@code srId} if given). CD drives keep their media; empty drives stay empty.
     */
    public enum Mode {
        clone, snapshot, copy
    }
}
