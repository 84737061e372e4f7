# The tmcctl image: one static binary (musl, rustls with ring) on an empty base, run as a
# non-root user. The chart runs it as `tmcctl controller run`; the same image carries the CLI.
#
#   docker build -t tmcctl:0.1.0 .
#
# Crates come from the registry cargo is configured for; pass a proxy with
# --build-arg HTTPS_PROXY=... when the build host needs one.

FROM rust:1.95-alpine AS build
# musl-dev: the C parts of ring and zstd link statically against musl.
RUN apk add --no-cache musl-dev ca-certificates
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY benches ./benches
COPY tests ./tests
RUN cargo build --release --locked --bin tmcctl \
    && strip target/release/tmcctl \
    && mkdir -p /out/tmp \
    && cp target/release/tmcctl /out/tmcctl

FROM scratch
# Root certificates for https:// endpoints that the kubeconfig does not pin (S3, OTLP).
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/tmcctl /usr/local/bin/tmcctl
# HOME holds restore journals; the chart mounts a writable emptyDir there.
COPY --from=build --chown=65532:65532 /out/tmp /tmp
ENV HOME=/tmp
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/tmcctl"]
CMD ["controller", "run"]
