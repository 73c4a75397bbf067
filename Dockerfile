# wikisignup: a multi-stage build. Templates and static files are compiled
# into the binary, so the runtime image holds the binary and CA roots only.
#
#   docker build -t wikisignup .
#   docker run -p 8000:8000 -e WIKISIGNUP_SESSION_SECRET=... \
#       -e WIKISIGNUP_PUBLIC_URL=https://signup.example.org/ wikisignup

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Dependencies first, in their own layer: rebuilt only when Cargo.* change.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && cargo build --release --locked \
    && rm -rf src
COPY src src
COPY templates templates
COPY static static
COPY locales locales
RUN touch src/main.rs src/lib.rs && cargo build --release --locked

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home wikisignup \
    && mkdir -p /var/lib/wikisignup && chown wikisignup /var/lib/wikisignup
COPY --from=build /src/target/release/wikisignup /usr/local/bin/wikisignup
USER wikisignup
# The default SQLite database lives here; mount a volume to keep it, or give
# WIKISIGNUP_DATABASE a PostgreSQL or MariaDB URL.
WORKDIR /var/lib/wikisignup
VOLUME /var/lib/wikisignup
ENV WIKISIGNUP_LISTEN=0.0.0.0:8000 \
    WIKISIGNUP_LOG_JSON=true
EXPOSE 8000
# SIGTERM stops it gracefully: sign-ups under way finish.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/wikisignup"]
