package org.xenplane.daemon.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A host's actual domains, sent by its daemon to the control plane when they change and every
 * few seconds ({@link DaemonProtocol#DOMAIN_REPORTS}), and answered by {@code GET .../domains}.
 *
 * @param hostId     the host
 * @param generation the host's domain generation, read before the domains were listed: the report
 *                   reflects every operation whose result carried this generation or a lower one.
 *                   It grows with every change the daemon makes, also across daemon restarts
 * @param domains    every domain but dom0
 * @param ended      domains that ended recently, with why
 */
public record DomainReport(
        @NotNull UUID hostId,
        long generation,
        @NotNull @Size(max = 100_000) List<@Valid DomainInfo> domains,
        @NotNull @Size(max = 100_000) List<@Valid DomainEnded> ended) {
}
