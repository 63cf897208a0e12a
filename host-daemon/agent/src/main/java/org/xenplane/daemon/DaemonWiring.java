package org.xenplane.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.xenplane.daemon.domain.HttpMigrationSender;
import org.xenplane.daemon.driver.DriverKind;
import org.xenplane.daemon.domain.MigrationSender;
import org.xenplane.daemon.join.Backoff;
import org.xenplane.daemon.join.HostJoiner;
import org.xenplane.daemon.link.ControlPlaneClient;
import org.xenplane.daemon.link.IdentityStore;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.operation.OperationMemo;
import org.xenplane.daemon.storage.AttachedSrs;
import org.xenplane.daemon.storage.Commands;
import org.xenplane.daemon.storage.FileDriver;
import org.xenplane.daemon.storage.FileSrRoots;
import org.xenplane.daemon.storage.LocalSrOffers;
import org.xenplane.daemon.storage.LocalStorage;
import org.xenplane.daemon.storage.LvmDriver;
import org.xenplane.daemon.storage.NfsDriver;
import org.xenplane.daemon.storage.QemuImg;
import org.xenplane.daemon.storage.StorageDriver;

/** Builds the daemon's plain classes from configuration (they stay usable without CDI in unit tests). */
@ApplicationScoped
public class DaemonWiring {

    @Produces
    @Singleton
    ControlPlaneClient controlPlaneClient(DaemonConfig config, ObjectMapper json) {
        return new ControlPlaneClient(config.controlPlaneUrl(), json);
    }

    @Produces
    @Singleton
    IdentityStore identityStore(DaemonConfig config, ObjectMapper json) {
        return new IdentityStore(config.stateDir(), json);
    }

    @Produces
    @Singleton
    HostJoiner hostJoiner(ControlPlaneClient controlPlane, IdentityStore identities, Memberships memberships,
                          DaemonConfig config) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "xenplane-join");
            thread.setDaemon(true);
            return thread;
        });
        return new HostJoiner(controlPlane, identities, memberships, executor, Backoff.JOIN, config.advertiseUrl());
    }

    @Produces
    @Singleton
    FileSrRoots fileSrRoots(DaemonConfig config) {
        return new FileSrRoots(config.storage().allowedFileRoots(), Optional.of(localSrRoot(config)));
    }

    /** Where each host's local SR directory lives: configured, or the driver's default. */
    private static Path localSrRoot(DaemonConfig config) {
        Path fallback = DriverKind.fromConfig(config.driver()) == DriverKind.LIBXL
                ? LocalSrOffers.LIBXL_ROOT : config.stateDir().resolve("sr");
        return config.storage().localSrRoot().orElse(fallback);
    }

    @Produces
    @Singleton
    LocalStorage localStorage(DaemonConfig config, ObjectMapper json, FileSrRoots roots) {
        DaemonConfig.Storage storage = config.storage();
        Commands commands = new Commands(storage.commandTimeout());
        QemuImg qemu = new QemuImg(commands, json);
        List<StorageDriver> drivers = List.of(
                new FileDriver(roots),
                new LvmDriver(commands, storage.scratchDir()),
                new NfsDriver(commands, storage.mountRoot()));
        return new LocalStorage(drivers, new AttachedSrs(config.stateDir(), json), qemu, new OperationMemo(10_000));
    }

    @Produces
    @Singleton
    LocalSrOffers localSrOffers(DaemonConfig config, FileSrRoots roots) {
        return new LocalSrOffers(config.storage().localSr(), localSrRoot(config), roots);
    }

    @Produces
    @Singleton
    MigrationSender migrationSender(ObjectMapper json) {
        return new HttpMigrationSender(json);
    }

    void stop(@Disposes HostJoiner joiner) {
        joiner.stop();
    }
}
