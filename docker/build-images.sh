#!/bin/sh
# Builds every Xenplane image from the Maven output: docker/<image>.Dockerfile -> <repository>/<image>:<tag>.
#
#   ./mvnw -B package -DskipTests      # first: the images copy target/ directories (and the .deb)
#   docker/build-images.sh [--push]
#
# Environment: XENPLANE_IMAGE_REPOSITORY (default xenplane; e.g. ghcr.io/example/xenplane),
# XENPLANE_IMAGE_TAG (default: the Maven version), CONTAINER_ENGINE (docker, podman or buildah;
# default: the first one found).
set -eu
cd "$(dirname "$0")/.."

repository=${XENPLANE_IMAGE_REPOSITORY:-xenplane}
tag=${XENPLANE_IMAGE_TAG:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)}
push=0
[ "${1:-}" = --push ] && push=1

engine=${CONTAINER_ENGINE:-}
if [ -z "$engine" ]; then
  for candidate in docker podman buildah; do
    if command -v "$candidate" >/dev/null 2>&1; then engine=$candidate; break; fi
  done
fi
[ -n "$engine" ] || { echo "build-images.sh: no container engine (docker, podman or buildah) found" >&2; exit 1; }

for dockerfile in docker/*.Dockerfile; do
  image=$repository/$(basename "$dockerfile" .Dockerfile):$tag
  echo "== $image ($dockerfile, $engine)"
  case $engine in
    buildah) buildah bud --file "$dockerfile" --tag "$image" . ;;
    *) "$engine" build --file "$dockerfile" --tag "$image" . ;;
  esac
  if [ "$push" = 1 ]; then
    "$engine" push "$image"
  fi
done
