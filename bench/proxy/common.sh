# Sourced by bench/proxy/run.sh and bench/proxy/soak.sh: the backend both measure against, the plain
# proxy config, and the command that runs the proxy under test. Expects ROOT, WORK, BACKEND, TANDEM
# and TANDEM_ADMIN to be set.

# nginx, one worker, answering every request with the same 1 KB body from memory.
write_backend_conf() {
  local body
  body=$(head -c 1024 /dev/zero | tr '\0' 'x')
  cat > "$WORK/backend.conf" <<CONF
worker_processes 1; daemon off; pid $WORK/backend.pid; error_log $WORK/backend.err;
events { worker_connections 4096; }
http { access_log off;
  server { listen 127.0.0.1:$BACKEND; keepalive_requests 1000000;
    location / { default_type text/plain; return 200 '$body'; } } }
CONF
}

# tandem proxy, plain HTTP, one route to the backend, no access log.
write_tandem_conf() {
  cat > "$WORK/tandem.yaml" <<CONF
listen:
  http: 127.0.0.1:$TANDEM
admin:
  port: $TANDEM_ADMIN
accessLog:
  enabled: false
routes:
  - name: app
    upstreams: [http://127.0.0.1:$BACKEND]
CONF
}

# Sets BENCH (the load generator) and PROXY_CMD. The proxy under test is the shipped CLI
# (self-contained, composite ReadyToRun, published by ./tandem on first use); PROXY=bench runs the
# same ProxyHost from the bench project instead. Either re-executes itself with the proxy's runtime
# settings (docs/sidecars/proxy.md, "Running it"): nothing is set here.
prepare_proxy_command() {
  dotnet build -c Release "$ROOT/bench/Tandem.Bench.Proxy" -v q -nologo >/dev/null
  BENCH="dotnet $ROOT/bench/Tandem.Bench.Proxy/bin/Release/net10.0/Tandem.Bench.Proxy.dll"
  if [ "${PROXY:-tandem}" = tandem ]; then
    "$ROOT/tandem" --version >/dev/null
    PROXY_CMD="$ROOT/.build/cli/tandem proxy"
  else
    PROXY_CMD="$BENCH proxy"
  fi
}
