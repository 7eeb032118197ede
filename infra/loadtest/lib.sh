# What the benchmark scripts share: the system under test, the machine, Gatling's statistics. Sourced after
# infra/deploy/lib/common.sh and services.sh; functions write under $OUT.

# --- the system -------------------------------------------------------------------------------------------------
ready() { curl -fsS -o /dev/null --max-time 2 "$(service_url "$1")/health/readiness" 2>/dev/null; }
pid_of() { cat "$OCOP_PIDS/$1.pid" 2>/dev/null || true; }

ensure_system() {
    local svc
    for svc in "${OCOP_SERVICES[@]}"; do
        ready "$svc" && continue
        log "$svc does not answer: starting the system with infra/deploy/run (its output: $OUT/run.log)"
        "$OCOP_ROOT/infra/deploy/run" 2>&1 | tee "$OUT/run.log" >&2
        return
    done
    log "the five services answer"
}

machine() {
    local pid java mariadb redis
    pid=$(pid_of orders)
    java=$(readlink -f "/proc/$pid/exe" 2>/dev/null || echo "$JAVA_HOME/bin/java")
    mariadb=$(MYSQL_PWD=$(db_password orders) "$(command -v mariadb || command -v mysql)" -h "$OCOP_DB_HOST" -P "$OCOP_DB_PORT" \
        -u ocop_orders -N -e 'SELECT VERSION()' 2>/dev/null || echo "?")
    redis=$(redis_info | sed -n 's/^redis_version://p' | tr -d '\r')
    echo "- date: $(date -u '+%F %H:%M UTC')"
    echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores" \
        "($(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core)"
    echo "- memory: $(free -m | awk '/^Mem:/ {printf "%.1f GiB", $2 / 1024}'), kernel $(uname -r)"
    echo "- JVM: $("$java" -version 2>&1 | sed -n 2p)"
    echo "- services' JVM options: $(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null \
        | grep -- '^-Xm[sx]\|^-XX:+Use[A-Za-z]*GC\|^-XX:AOTCache\|^-XX:SharedArchiveFile' | sed 's/=.*//' | tr '\n' ' ')"
    echo "- MariaDB $mariadb, Redis ${redis:-?}"
    echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

redis_info() {
    if command -v redis-cli >/dev/null 2>&1; then
        redis-cli -h "$OCOP_REDIS_HOST" -p "$OCOP_REDIS_PORT" INFO server 2>/dev/null
    else
        exec 3<>"/dev/tcp/$OCOP_REDIS_HOST/$OCOP_REDIS_PORT" && printf 'INFO server\r\n' >&3 && timeout 1 cat <&3 || true
        exec 3<&-
    fi
}

# Gatling 3.13 keeps its statistics in js/stats.js, a JavaScript object with a few unquoted keys: make it JSON.
gatling_json() {
    awk '/^function /{ exit } { print }' "$REPORT/js/stats.js" \
        | sed -E '1s/^var stats = //; s/^([[:space:]]*)(type|name|path|pathFormatted|stats|contents):/\1"\2":/'
}

# --- CPU ---------------------------------------------------------------------------------------------------------
# Jiffies: the machine's busy and total time, and each process's user+system time.
cpu_snapshot() { # file
    local svc
    {
        awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print "machine", busy, busy + $5 + $6 }' /proc/stat
        for svc in "${OCOP_SERVICES[@]}"; do proc_ticks "$svc" "$(pid_of "$svc")"; done
        proc_ticks mariadb "$(pidof -s mariadbd || pidof -s mysqld || true)"
        proc_ticks redis "$(pidof -s redis-server || true)"
        date +%s.%N | sed 's/^/wall /'
    } >"$1"
}
proc_ticks() { # name pid
    [ -n "$2" ] && [ -r "/proc/$2/stat" ] || return 0
    # after "pid (comm) ", field 1 is the state: utime and stime are fields 12 and 13
    awk -v n="$1" '{ sub(/^.*\) /, ""); print n, $12 + $13 }' "/proc/$2/stat"
}

# One Markdown row per measured request of the Gatling run in $REPORT (warm-up requests left out): name (how the rate
# was held), count, KO, requests/s over the measured seconds, p50/p95/p99/max ms. Gatling's percentiles are set in
# gatling.conf (50, 95, 99, 99.9).
gatling_rows() { # how-held measured-seconds
    gatling_json | jq -r --arg d "$2" --arg held "$1" '.. | objects
        | select(.type? == "REQUEST" and (.path | startswith("warm-up") | not))
        | .stats as $s | "| \(.name | gsub("&quot;"; "\"")) (\($held)) | \($s.numberOfRequests.total) | \($s.numberOfRequests.ko)"
          + " | \(($s.numberOfRequests.total | tonumber) / ($d | tonumber) | floor) | \($s.percentiles1.total)"
          + " | \($s.percentiles2.total) | \($s.percentiles3.total) | \($s.maxResponseTime.total) |"'
}

cpu_share() { # scenario -> one line per process: CPU seconds and cores, over the whole Gatling run (warm-up included)
    awk -v tck="$CLK_TCK" 'FILENAME == ARGV[1] { a[$1] = $2; t0 = ($1 == "machine") ? $3 : t0; next }
        { b[$1] = $2; if ($1 == "machine") t1 = $3; else if ($1 != "wall") order[++n] = $1 }
        END { wall = b["wall"] - a["wall"]
              printf "machine %.0f%% busy over %.0f s;", 100 * (b["machine"] - a["machine"]) / (t1 - t0), wall
              for (i = 1; i <= n; i++) { p = order[i]; if (p in a) printf " %s %.2f cores;", p, (b[p] - a[p]) / tck / wall }
              print "" }' "$OUT/cpu-$1-before.txt" "$OUT/cpu-$1-after.txt"
}
