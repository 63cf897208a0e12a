# The all-in-one server (services/server): every service in one process, JVM mode. Build context:
# the repository root, after the Maven build; docker/build-images.sh builds every image.
# With no XENPLANE_DB_URL it starts an embedded PostgreSQL in /var/lib/xenplane: for evaluation
# only (mount a volume there to keep the data). The Helm chart runs this image as its migration
# Job (QUARKUS_INIT_AND_EXIT=true), since it carries every service's migrations.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="xenplane-server" \
      org.opencontainers.image.description="Xenplane all-in-one server: every service in one process"

# A user of its own: PostgreSQL refuses to run as root and needs a passwd entry for its uid.
RUN useradd --system --uid 10001 --gid 0 --home-dir /var/lib/xenplane --create-home --shell /usr/sbin/nologin xenplane \
    && chmod 0770 /var/lib/xenplane

WORKDIR /deployments
COPY --chown=10001:0 services/server/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=10001:0 services/server/target/quarkus-app/app/ /deployments/app/
COPY --chown=10001:0 services/server/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=10001:0 services/server/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar

USER 10001
ENV XENPLANE_HOST=0.0.0.0 \
    XENPLANE_PORT=8080 \
    XENPLANE_DATA_DIR=/var/lib/xenplane
VOLUME ["/var/lib/xenplane"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD bash -c 'exec 3<>"/dev/tcp/127.0.0.1/${XENPLANE_PORT}" && printf "GET /q/health/live HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/deployments/quarkus-run.jar"]
