# syntax=docker/dockerfile:1
# One image recipe for every Lunora service, built from the repository root (the reactor's shared
# modules are needed). The build arguments say which service:
#   MODULE          the Maven module (gateway-service, media-engine, …)
#   PORT            its HTTP port (docs/architecture.md, "Processes and ports"; checked by ServicePortsTest)
#   EXTRA_PACKAGES  Debian packages it needs at run time (media-engine: libpulse0 for the bundled FFmpeg)
#   docker build --build-arg MODULE=gateway-service --build-arg PORT=8080 -t lunora/gateway-service .
# docker compose builds and runs every service with its arguments (docker-compose.yml).

FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY --exclude=**/target --exclude=.git --exclude=.lunora --exclude=lunora.env . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "$MODULE" || { echo "build argument MODULE is required" >&2; exit 1; }; \
    sh ./mvnw -B -q -pl "$MODULE" -am package -Dmaven.test.skip=true \
 && cp "$MODULE"/target/"$MODULE"-*-exec.jar /tmp/app.jar

FROM eclipse-temurin:25-jre
ARG PORT
ARG EXTRA_PACKAGES=""
RUN test -n "$PORT" || { echo "build argument PORT is required" >&2; exit 1; }; \
    if [ -n "$EXTRA_PACKAGES" ]; then \
      apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $EXTRA_PACKAGES \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
 && groupadd --system --gid 10001 lunora \
 && useradd --system --uid 10001 --gid lunora --home-dir /var/lib/lunora --create-home lunora \
 && install -d -o lunora -g lunora /var/lib/lunora/data \
 && install -d -m 0700 -o lunora -g lunora /var/lib/lunora/keys
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck
COPY --from=build /tmp/app.jar /opt/lunora/app.jar
USER lunora
WORKDIR /var/lib/lunora
# the same variables as ./lunora sets (docs/architecture.md); compose supplies the others
ENV LUNORA_PORT=${PORT} \
    LUNORA_DATA_DIR=/var/lib/lunora/data \
    LUNORA_KEY_DIR=/var/lib/lunora/keys \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=6s --start-period=120s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["java", "-jar", "/opt/lunora/app.jar"]
