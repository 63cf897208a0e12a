package org.xenplane.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting core reads, in one place, each under the key it has always had (documented in
 * docs/api.md, docs/security.md, docs/storage.md, docs/network.md and docs/deploy.md). They
 * live in several namespaces, so this is one mapping per namespace rather than one root at
 * {@code xenplane}: such a root would refuse, as unknown, every other {@code xenplane.*} property
 * a process sees (the server's {@code xenplane.data-dir}, the test harness's jar paths). Defaults
 * are here or, for the task leases, in core's microprofile-config.properties. The link to the host
 * daemons is configured by {@code DaemonClientConfig}.
 */
public interface CoreConfig {

    /** {@code xenplane.api.*} */
    @ConfigMapping(prefix = "xenplane.api")
    interface Api {
        /** The largest JSON body a request may carry; streamed uploads are exempt. */
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    /** {@code xenplane.schema.*} */
    @ConfigMapping(prefix = "xenplane.schema")
    interface Schema {
        /** How long a replica that does not migrate waits for the schema's migrations ({@code SchemaWait}). */
        @WithDefault("10m")
        Duration waitTimeout();
    }

    /** {@code xenplane.tasks.*} */
    @ConfigMapping(prefix = "xenplane.tasks")
    interface Tasks {
        /** The lease a replica holds on each task it runs. */
        Duration lease();

        /** How often a replica renews the leases of the tasks it runs: a {@code @Scheduled} period ({@code 5s}, or {@code off}). */
        String leaseRenewInterval();

        /** How often lapsed tasks are looked for and taken over: a {@code @Scheduled} period ({@code 5s}, or {@code off}). */
        String takeoverInterval();

        /** Threads that run tasks, per replica. */
        @WithDefault("64")
        int workers();

        /** How long finished tasks are kept. */
        @WithDefault("P1D")
        Duration retention();

        /** How often finished tasks past their retention are deleted: a {@code @Scheduled} period, or {@code off}. */
        @WithDefault("10m")
        String pruneInterval();
    }

    /** {@code xenplane.events.*} */
    @ConfigMapping(prefix = "xenplane.events")
    interface Events {
        Retention retention();

        /** {@code xenplane.events.retention.*} */
        interface Retention {
            /** Events older than this are pruned. */
            @WithDefault("P1D")
            Duration maxAge();

            /** Only the newest this many events are kept. */
            @WithDefault("200000")
            long maxCount();

            /** How often events are pruned: a {@code @Scheduled} period, or {@code off}. */
            @WithDefault("60s")
            String interval();
        }
    }

    /** {@code xenplane.security.*} */
    @ConfigMapping(prefix = "xenplane.security")
    interface Security {
        /** How long a verified credential is trusted before the store is read again. */
        @WithDefault("3s")
        Duration credentialCacheTtl();
    }

    /** {@code xenplane.bootstrap.*}; the identity service maps the admin password of the same namespace. */
    @ConfigMapping(prefix = "xenplane.bootstrap")
    interface Bootstrap {
        /** The bootstrap administrator's API token at first start; absent: a fresh one is printed once. Secret. */
        Optional<String> adminToken();
    }

    /** Where a process without the storage library reaches the storage service ({@code xenplane.storage.url}, {@code .timeout}). */
    @ConfigMapping(prefix = "xenplane.storage")
    interface StorageService extends Remote {
    }

    /** Where a process without the network library reaches the network service ({@code xenplane.network.url}, {@code .timeout}). */
    @ConfigMapping(prefix = "xenplane.network")
    interface NetworkService extends Remote {
    }

    /** A service reached over REST. */
    interface Remote {
        /** Its base URL; absent or blank: the service is in the process or not deployed. */
        Optional<String> url();

        /** The longest one call to it may take. */
        @WithDefault("120s")
        Duration timeout();
    }
}
