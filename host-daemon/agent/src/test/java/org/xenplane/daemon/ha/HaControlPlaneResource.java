package org.xenplane.daemon.ha;

import org.xenplane.daemon.FakeControlPlaneResource;

/** The same daemon and fake control plane as {@link FakeControlPlaneResource}, in an application of its own (HA state is not shared). */
public class HaControlPlaneResource extends FakeControlPlaneResource {
}
