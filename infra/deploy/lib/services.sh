# shellcheck shell=bash
# Starting, waiting for and stopping the five services as local processes. Sourced after common.sh.

declare -A OCOP_PORTS=([identity]=8081 [catalog]=8082 [orders]=8083 [payments]=8084 [traceability]=8085)
declare -A OCOP_MODULES=([identity]=infra/identity/identity-service [catalog]=catalog/catalog-service
  [orders]=orders/orders-service [payments]=payments/payments-service [traceability]=traceability/traceability-service)

service_jar() { ls "$OCOP_ROOT/${OCOP_MODULES[$1]}"/target/"$(basename "${OCOP_MODULES[$1]}")"-*.jar 2>/dev/null | grep -v original- | head -n1; }

# The jar a service runs from: a copy of the build's, so that rebuilding the project never changes the classes of a
# running service. Refreshed when the build's jar differs.
staged_jar() {
  local svc=$1 built staged
  built=$(service_jar "$svc") || true
  [ -n "$built" ] || die "no runnable jar for $svc; build first"
  staged="$OCOP_STATE/jars/$svc.jar"
  mkdir -p "$OCOP_STATE/jars"
  cmp -s "$built" "$staged" 2>/dev/null || cp -p "$built" "$staged"
  printf '%s' "$staged"
}
service_url() { printf 'http://127.0.0.1:%s' "${OCOP_PORTS[$1]}"; }

# Settings a service needs beyond its defaults, one NAME=value per line.
service_env() {
  local svc=$1
  printf '%s\n' "OCOP_PORT=${OCOP_PORTS[$svc]}" "OCOP_DB_HOST=$OCOP_DB_HOST" "OCOP_DB_PORT=$OCOP_DB_PORT" \
    "OCOP_DB_PASSWORD=$(db_password "$svc")" "OCOP_REDIS_HOST=$OCOP_REDIS_HOST" "OCOP_REDIS_PORT=$OCOP_REDIS_PORT" \
    "OCOP_LOG_APPENDER=${OCOP_LOG_APPENDER:-JSON}" "OCOP_IDENTITY_JWKS_URL=$(service_url identity)/.well-known/jwks.json"
  case $svc in
    identity)
      printf '%s\n' "OCOP_ADMIN_EMAIL=$OCOP_ADMIN_EMAIL" "OCOP_ADMIN_PASSWORD=$OCOP_ADMIN_PASSWORD" "OCOP_ADMIN_NAME=Quản trị OCOP" \
        "OCOP_OFFICE_ORIGIN=$(service_url catalog)" ;;
    catalog)
      # The office dashboard sends browsers to identity's login form, which sends them back.
      printf '%s\n' "OCOP_LOGIN_ORIGIN=$(service_url identity)" ;;
    payments)
      # No VNPay sandbox is reachable from here: payments serves a local stand-in that speaks VNPay's protocol.
      printf '%s\n' "OCOP_VNPAY_STANDIN_ENABLED=${OCOP_VNPAY_STANDIN_ENABLED:-true}" \
        "OCOP_VNPAY_PAY_URL=${OCOP_VNPAY_PAY_URL:-$(service_url payments)/vnpay-standin/paymentv2/vpcpay.html}" ;;
    traceability)
      printf '%s\n' "OCOP_RESOLVER_BASE_URL=${OCOP_RESOLVER_BASE_URL:-$(service_url traceability)}" ;;
  esac
}

# The JDK 25+ AOT cache of a service's current jar (classes loaded and linked, method profiles; JEPs 483, 514, 515).
aot_cache() { printf '%s' "$OCOP_STATE/jvm-cache/$1-$(stat -c '%s-%Y' "$OCOP_STATE/jars/$1.jar").aot"; }

# JVM options: a small heap, the serial collector, and on JDK 25+ the service's AOT cache (recorded by
# prepare_jvm_cache), or on JDK 21-24 a class-data-sharing archive written on the first run. Either halves start-up.
service_java_opts() {
  local svc=$1
  mkdir -p "$OCOP_STATE/jvm-cache"
  printf '%s\n' -Xms64m "-Xmx${OCOP_HEAP:-384m}" -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Duser.timezone=UTC
  # extra options for every service, e.g. OCOP_JAVA_OPTS="-Xmn128m" (split on spaces)
  [ -z "${OCOP_JAVA_OPTS:-}" ] || printf '%s\n' ${OCOP_JAVA_OPTS}
  if [ "${OCOP_JAVA_MAJOR:-0}" -ge 25 ]; then
    local cache; cache=$(aot_cache "$svc")
    if [ -f "$cache" ]; then
      printf '%s\n' "-XX:AOTCache=$cache" '-Xlog:aot*=error'
    else
      printf '%s\n' "-XX:AOTCacheOutput=$cache" '-Xlog:aot*=error'
    fi
  else
    printf '%s\n' -XX:+AutoCreateSharedArchive \
      "-XX:SharedArchiveFile=$OCOP_STATE/jvm-cache/$svc-$(stat -c '%s-%Y' "$OCOP_STATE/jars/$svc.jar").jsa" -Xlog:cds=off
  fi
}

# JDK 25+: when this build of the service has no AOT cache yet, start it once to record one (the JVM writes the cache
# as it exits), so that every start the run command makes afterwards uses it.
prepare_jvm_cache() {
  local svc=$1
  [ "${OCOP_JAVA_MAJOR:-0}" -ge 25 ] || return 0
  staged_jar "$svc" >/dev/null
  [ -f "$(aot_cache "$svc")" ] && return 0
  log "recording $svc's JVM AOT cache (once per build; about 15 s)"
  rm -f "$OCOP_STATE/jvm-cache/$svc"-*.aot "$OCOP_STATE/jvm-cache/$svc"-*.aot.config
  start_service "$svc"
  await_service "$svc" quiet
  stop_recorded "$OCOP_PIDS/$svc.pid" "$svc.jar" 120
  [ -f "$(aot_cache "$svc")" ] || log "no AOT cache was written for $svc; it starts without one"
}

start_service() {
  local svc=$1 jar pid
  jar=$(staged_jar "$svc")
  port_open 127.0.0.1 "${OCOP_PORTS[$svc]}" && die "port ${OCOP_PORTS[$svc]} ($svc) is already in use; stop what runs there first"
  mkdir -p "$OCOP_STATE/logs" "$OCOP_PIDS"
  local -a env_args opts
  mapfile -t env_args < <(service_env "$svc")
  mapfile -t opts < <(service_java_opts "$svc")
  env "${env_args[@]}" nohup "$JAVA_HOME/bin/java" "${opts[@]}" -jar "$jar" >"$OCOP_STATE/logs/$svc.log" 2>&1 &
  pid=$!
  echo "$pid" >"$OCOP_PIDS/$svc.pid"
  date +%s%N >"$OCOP_PIDS/$svc.started"
}

# Waits for /health/readiness; prints the start-up time and resident memory (unless "quiet").
await_service() {
  local svc=$1 quiet=${2:-} pid i
  pid=$(cat "$OCOP_PIDS/$svc.pid")
  for ((i = 0; i < 1200; i++)); do
    kill -0 "$pid" 2>/dev/null || die "$svc exited while starting; see $OCOP_STATE/logs/$svc.log"
    if curl -fsS -o /dev/null "$(service_url "$svc")/health/readiness" 2>/dev/null; then
      local ms rss
      ms=$(( ($(date +%s%N) - $(cat "$OCOP_PIDS/$svc.started")) / 1000000 ))
      rss=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status" 2>/dev/null)
      [ -n "$quiet" ] || log "$svc ready on $(service_url "$svc") (pid $pid, ready after ${ms} ms, RSS ${rss:-?})"
      return 0
    fi
    sleep 0.1
  done
  die "$svc did not become ready within 120 s; see $OCOP_STATE/logs/$svc.log"
}

# Stops a process recorded in a pid file, only if it is still the process that was started (same command); after
# the given seconds (default 20) it is killed.
stop_recorded() { # pidfile expected-command-fragment [seconds]
  local pidfile=$1 expect=$2 patience=${3:-20} pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$expect"; then
    kill "$pid" 2>/dev/null || as_root kill "$pid"
    for ((i = 0; i < patience * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid did not stop within $patience s; killing it"
      kill -9 "$pid" 2>/dev/null || as_root kill -9 "$pid"
    fi
    log "stopped $(basename "$pidfile" .pid) (pid $pid)"
  fi
  rm -f "$pidfile" "${pidfile%.pid}.started"
}
