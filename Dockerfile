# syntax=docker/dockerfile:1
# The gateway's image: docker build --build-arg ZDS_COMMIT=$(git rev-parse --short HEAD) -t zds-gateway .
#
# Stage build: the full Debian image has python3, make and g++, which better-sqlite3 needs when no prebuilt binary
# fits. The dependencies are installed before the source is copied (that layer stays cached while only src/ changes),
# with --ignore-scripts because the package's `prepare` script compiles src/, which is not there yet; better-sqlite3's
# own install script (approved under "allowScripts" in package.json) then runs through `npm rebuild`. After the build
# the dev dependencies are pruned; the compiled better-sqlite3 stays in node_modules and is loaded once as a check.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm AS build
# The npm of the project (package.json's allowScripts is understood by npm 11); the image's own npm would do too.
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
  && npm prune --omit=dev \
  && rm -rf node_modules/better-sqlite3/build/Release/obj.target node_modules/better-sqlite3/build/Release/.deps \
  && node -e "new (require('better-sqlite3'))(':memory:').close()"

# Stage runtime: production dependencies and the compiled code only, plus what the running gateway reads from its
# project folder: package.json (the version), wsdl/ and xsd/ (served, and used for partner questions) and config/
# (the example configuration). No fixtures/: `replay` takes a folder as argument, mount one. dist/bench/ is there but
# needs the dev dependencies (autocannon): the bench runs from a checkout, not from the image.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG ZDS_COMMIT=""
LABEL org.opencontainers.image.title="zds-gateway" \
      org.opencontainers.image.description="StUF-ZKN / ZDS 1.1 and 1.2 SOAP gateway" \
      org.opencontainers.image.licenses="EUPL-1.2" \
      org.opencontainers.image.revision="${ZDS_COMMIT}"
ENV NODE_ENV=production \
    ZDS_COMMIT=${ZDS_COMMIT} \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATABASE_PATH=/data/gateway.db
WORKDIR /app
# The code belongs to root and is read-only for the gateway; only /data (SQLite) is the node user's.
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY wsdl ./wsdl
COPY xsd ./xsd
COPY config ./config
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# /health asks the database. Plain HTTP first; a gateway configured with server.tls answers that with a closed
# connection, and is then asked over HTTPS on loopback without checking its certificate (liveness only). With
# server.tls.clientCertificaat: verplicht the handshake needs a client certificate: set your own check there.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "const g=(m,n)=>require(m).get({host:'127.0.0.1',port:process.env.PORT||8080,path:'/health',rejectUnauthorized:false,timeout:2000},r=>process.exit(r.statusCode===200?0:1)).on('timeout',function(){this.destroy(new Error('timeout'))}).on('error',n);g('http',()=>g('https',()=>process.exit(1)))"]
# docker stop sends SIGTERM to PID 1, which is Node itself (no npm, no shell in between). As PID 1 Node gets no
# default signal handling from the kernel, but `serve` installs its own SIGTERM and SIGINT handlers (close the server
# and the database, exit 0), and it starts no child processes whose orphans would need reaping. For one-off commands
# (docker run --rm zds-gateway node dist/main.js protocol ...) add --init if Ctrl-C or docker stop should end them.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js", "serve"]
