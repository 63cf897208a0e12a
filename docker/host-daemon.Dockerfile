# The host daemon for the chart's optional DaemonSet (clusters whose nodes are Xen dom0s): the
# xenplane-daemon Debian package that packaging/ builds, installed on Debian 12. Build context: the
# repository root, after the Maven build. It runs as root, like the package's systemd unit: it is
# the part of Xenplane that drives the hypervisor, disks and bridges of its node.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="xenplane-host-daemon" \
      org.opencontainers.image.description="Xenplane host daemon, from its Debian package"

COPY packaging/target/xenplane-daemon_*_all.deb /tmp/
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/xenplane-daemon_*_all.deb libxenmisc4.17 \
    && rm -rf /var/lib/apt/lists/* /tmp/xenplane-daemon_*_all.deb

ENV XENPLANE_DAEMON_PORT=8444
EXPOSE 8444
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>"/dev/tcp/127.0.0.1/${XENPLANE_DAEMON_PORT}" && printf "GET /q/health/live HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["/usr/bin/xenplane-daemon", "run"]
