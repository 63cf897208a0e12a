package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DomainListener;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * Domain-death events: every domain the driver builds or adopts is watched
 * ({@code libxl_evenable_domain_death}); one thread waits for events ({@code libxl_event_wait})
 * and tells the listeners when a domain shuts down, with libxl's reason.
 */
final class LibxlEvents {
    private static final Logger LOG = Logger.getLogger(LibxlEvents.class);

    private final Libxl libxl;
    private final LibxlCalls calls;
    private final LibxlCtx ctx;
    private final List<DomainListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, UUID> watched = new ConcurrentHashMap<>();
    private final Map<Integer, Pointer> generators = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    LibxlEvents(Libxl libxl, LibxlCalls calls, LibxlCtx ctx) {
        this.libxl = libxl;
        this.calls = calls;
        this.ctx = ctx;
        Thread thread = new Thread(this::loop, "xenplane-libxl-events");
        thread.setDaemon(true);
        thread.start();
    }

    void addListener(DomainListener listener) {
        listeners.add(listener);
    }

    /** Watches a domain the driver just built, or one it adopts; a domain already watched stays watched once. */
    synchronized void watch(int domid, UUID vmId) {
        if (vmId.equals(watched.get(domid))) {
            return;
        }
        PointerByReference generator = new PointerByReference();
        LibxlCalls.check(libxl.libxl_evenable_domain_death(ctx, domid, 0L, generator), "libxl_evenable_domain_death");
        watched.put(domid, vmId);
        generators.put(domid, generator.getValue());
    }

    /** No listener hears anything more (a new driver may be watching the same domains). */
    void stop() {
        running = false;
        listeners.clear();
    }

    private void loop() {
        while (running) {
            PointerByReference out = new PointerByReference();
            int rc = libxl.libxl_event_wait(ctx, out, Libxl.LIBXL_EVENTMASK_ALL, null, null);
            if (rc < 0) {
                LOG.errorf("libxl_event_wait returned %d; waiting a second before trying again", rc);
                pause();
                continue;
            }
            Pointer event = out.getValue();
            try {
                handle(calls.takeString(libxl.libxl_event_to_json(ctx, event)));
            } catch (RuntimeException e) {
                LOG.error("A libxl event could not be handled", e);
            } finally {
                libxl.libxl_event_free(ctx, event);
            }
        }
    }

    private void handle(String json) {
        int domid = DominfoJson.eventDomid(json);
        UUID vmId = watched.get(domid);
        int reason = DominfoJson.shutdownReason(json);
        if (vmId != null && reason != -2) {
            ShutdownReason why = ShutdownReason.fromLibxl(reason);
            listeners.forEach(l -> l.domainShutdown(vmId, domid, why));
        } else if (DominfoJson.isDeath(json)) {
            watched.remove(domid);
            Pointer generator = generators.remove(domid);
            if (generator != null) {
                libxl.libxl_evdisable_domain_death(ctx, generator);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
