# The ha service (services/apps/ha), JVM mode. Build context: the repository root, after the
# Maven build (./mvnw -B package); docker/build-images.sh builds every image.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="xenplane-ha" \
      org.opencontainers.image.description="Xenplane ha service: HA configuration, host liveness and VM restarts by priority"

# A user of its own (uid 10001, group 0 so that any uid OpenShift picks can also write).
RUN useradd --system --uid 10001 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin xenplane

WORKDIR /deployments
COPY --chown=10001:0 services/apps/ha/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=10001:0 services/apps/ha/target/quarkus-app/app/ /deployments/app/
COPY --chown=10001:0 services/apps/ha/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=10001:0 services/apps/ha/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar

USER 10001
ENV XENPLANE_HOST=0.0.0.0 \
    XENPLANE_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD bash -c 'exec 3<>"/dev/tcp/127.0.0.1/${XENPLANE_PORT}" && printf "GET /q/health/live HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/deployments/quarkus-run.jar"]
