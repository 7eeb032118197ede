# shellcheck shell=bash
# Shared set-up for the run and test commands: picks a JDK and a Maven, finds or
# provisions MariaDB/MySQL and Redis, creates one database and one user per service.
# Sourced, not executed. Every setting can be overridden from the environment.

set -euo pipefail

OCOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
OCOP_STATE="${OCOP_STATE:-$OCOP_ROOT/.ocop}"
OCOP_CACHE="${OCOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ocop}"
# Where the processes a command starts are recorded (the run command's are what the stop command ends).
OCOP_PIDS="${OCOP_PIDS:-$OCOP_STATE/run}"
OCOP_SERVICES=(identity catalog orders payments traceability)
OCOP_MAVEN_VERSION=3.9.11
OCOP_MIN_JAVA=21

OCOP_DB_HOST="${OCOP_DB_HOST:-127.0.0.1}"
OCOP_DB_PORT="${OCOP_DB_PORT:-3306}"
OCOP_REDIS_HOST="${OCOP_REDIS_HOST:-127.0.0.1}"
OCOP_REDIS_PORT="${OCOP_REDIS_PORT:-6379}"

log() { printf '\033[1;34m[ocop]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[ocop] %s\033[0m\n' "$*" >&2; exit 1; }

# --- privileges ------------------------------------------------------------------
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}
can_apt() { command -v apt-get >/dev/null 2>&1 && as_root true 2>/dev/null; }
apt_install() {
  can_apt || return 1
  log "installing $* from apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null \
    || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
         && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
}

# --- JDK -------------------------------------------------------------------------
java_major() { # $1 = path to a java binary
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
select_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")" 2>/dev/null)" /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java" || echo 0)
    if [ "${major:-0}" -ge "$OCOP_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
    # an explicitly chosen JAVA_HOME that is new enough wins
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "${major:-0}" -ge "$OCOP_MIN_JAVA" ]; then best="$candidate"; best_major=$major; break; fi
  done
  [ -n "$best" ] || die "No JDK $OCOP_MIN_JAVA or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt/java). Install one (e.g. Temurin 21 or 25) and set JAVA_HOME."
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  OCOP_JAVA_MAJOR=$best_major
  log "JDK $best_major at $JAVA_HOME"
}

# --- Maven -----------------------------------------------------------------------
maven_ok() { # $1 = mvn binary; true when it is 3.9 or newer
  local v
  v=$("$1" -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n1)
  [ -n "$v" ] || return 1
  [ "$(printf '%s\n3.9.0\n' "$v" | sort -V | head -n1)" = "3.9.0" ]
}
select_maven() {
  if [ "${OCOP_JAVA_MAJOR:-0}" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  local cached="$OCOP_CACHE/apache-maven-$OCOP_MAVEN_VERSION/bin/mvn"
  if command -v mvn >/dev/null 2>&1 && maven_ok "$(command -v mvn)"; then OCOP_MVN=$(command -v mvn)
  elif [ -x "$cached" ]; then OCOP_MVN=$cached
  else
    # Fetch Maven itself by its coordinates through whatever repository the machine's
    # Maven is configured for; no repository host is written into this project.
    command -v mvn >/dev/null 2>&1 || apt_install maven \
      || die "Maven 3.9+ not found and no older Maven to bootstrap it. Install Maven 3.9 or newer."
    log "machine Maven is older than 3.9; fetching Apache Maven $OCOP_MAVEN_VERSION into $OCOP_CACHE"
    mkdir -p "$OCOP_CACHE"
    local tmp; tmp=$(mktemp -d)
    mvn -q -B dependency:copy "-Dartifact=org.apache.maven:apache-maven:$OCOP_MAVEN_VERSION:zip:bin" "-DoutputDirectory=$tmp" \
      || die "could not fetch org.apache.maven:apache-maven:$OCOP_MAVEN_VERSION:zip:bin"
    (cd "$OCOP_CACHE" && rm -rf "apache-maven-$OCOP_MAVEN_VERSION" && "$JAVA_HOME/bin/jar" xf "$tmp/apache-maven-$OCOP_MAVEN_VERSION-bin.zip")
    chmod +x "$cached"
    rm -rf "$tmp"
    OCOP_MVN=$cached
  fi
  log "Maven at $OCOP_MVN"
}
mvn_build() { (cd "$OCOP_ROOT" && "$OCOP_MVN" -B -ntp "$@"); }

# --- servers ---------------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_port() { # host port seconds name
  local i
  for ((i = 0; i < $3 * 10; i++)); do port_open "$1" "$2" && return 0; sleep 0.1; done
  die "$4 did not open $1:$2 within $3 s"
}
is_local() { [ "$1" = 127.0.0.1 ] || [ "$1" = localhost ]; }

ensure_mariadb() {
  if port_open "$OCOP_DB_HOST" "$OCOP_DB_PORT"; then log "database server found at $OCOP_DB_HOST:$OCOP_DB_PORT"; return; fi
  is_local "$OCOP_DB_HOST" || die "no database server at $OCOP_DB_HOST:$OCOP_DB_PORT (OCOP_DB_HOST/OCOP_DB_PORT)"
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ] && ! command -v mysqld >/dev/null 2>&1; then
    apt_install mariadb-server mariadb-client \
      || die "No MariaDB/MySQL on $OCOP_DB_HOST:$OCOP_DB_PORT and cannot install one (needs apt and root or sudo). Install mariadb-server (10.11+) or MySQL 8, or set OCOP_DB_HOST/OCOP_DB_PORT."
  fi
  local server; server=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  [ -x "$server" ] || server=$(command -v mysqld)
  [ -d /var/lib/mysql/mysql ] || as_root mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  as_root mkdir -p /run/mysqld /var/log/mysql
  as_root chown mysql:mysql /run/mysqld /var/log/mysql
  log "starting $server on $OCOP_DB_HOST:$OCOP_DB_PORT"
  as_root start-stop-daemon --start --background --make-pidfile --pidfile /run/mysqld/ocop-mariadbd.pid \
    --chuid mysql --exec "$server" -- --bind-address=127.0.0.1 --port="$OCOP_DB_PORT" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=1G --max-connections=600 --skip-name-resolve
  wait_port "$OCOP_DB_HOST" "$OCOP_DB_PORT" 60 MariaDB
  record_started mariadb "$(cat /run/mysqld/ocop-mariadbd.pid)"
}

ensure_redis() {
  if port_open "$OCOP_REDIS_HOST" "$OCOP_REDIS_PORT"; then log "Redis found at $OCOP_REDIS_HOST:$OCOP_REDIS_PORT"; return; fi
  is_local "$OCOP_REDIS_HOST" || die "no Redis at $OCOP_REDIS_HOST:$OCOP_REDIS_PORT (OCOP_REDIS_HOST/OCOP_REDIS_PORT)"
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server \
    || die "No Redis on $OCOP_REDIS_HOST:$OCOP_REDIS_PORT and cannot install one (needs apt and root or sudo). Install redis-server (6.2+) or set OCOP_REDIS_HOST/OCOP_REDIS_PORT."
  mkdir -p "$OCOP_STATE/redis"
  log "starting redis-server on $OCOP_REDIS_HOST:$OCOP_REDIS_PORT (append-only file in $OCOP_STATE/redis)"
  # Streams carry money and stock events: keep an append-only file so a restart loses nothing.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$OCOP_REDIS_PORT" --dir "$OCOP_STATE/redis" \
    --appendonly yes --appendfsync everysec --save "" --pidfile "$OCOP_STATE/redis/redis.pid" \
    --logfile "$OCOP_STATE/redis/redis.log" >/dev/null
  wait_port "$OCOP_REDIS_HOST" "$OCOP_REDIS_PORT" 30 Redis
  record_started redis "$(cat "$OCOP_STATE/redis/redis.pid")"
}

# Processes this checkout started, so that stop ends exactly those.
record_started() { mkdir -p "$OCOP_PIDS"; echo "$2" >"$OCOP_PIDS/$1.pid"; }

# --- databases and users -----------------------------------------------------------
db_password() { # $1 = service
  local var="OCOP_DB_PASSWORD_${1^^}"
  printf '%s' "${!var:-ocop-$1-dev}"
}
db_admin() {
  local client; client=$(command -v mariadb || command -v mysql) \
    || { apt_install mariadb-client >/dev/null; client=$(command -v mariadb || command -v mysql); } \
    || die "no mariadb/mysql command-line client; install mariadb-client"
  if [ -n "${OCOP_DB_ADMIN_USER:-}" ]; then
    MYSQL_PWD="${OCOP_DB_ADMIN_PASSWORD:-}" "$client" -h "$OCOP_DB_HOST" -P "$OCOP_DB_PORT" -u "$OCOP_DB_ADMIN_USER" "$@"
  elif is_local "$OCOP_DB_HOST"; then
    as_root "$client" -uroot "$@" \
      || die "cannot log in to the database as root over the local socket; set OCOP_DB_ADMIN_USER and OCOP_DB_ADMIN_PASSWORD"
  else
    die "set OCOP_DB_ADMIN_USER and OCOP_DB_ADMIN_PASSWORD to create the databases on $OCOP_DB_HOST"
  fi
}
# One database and one user per service (and for the platform library's own tests).
# $@ = database name suffixes, e.g. "" "_test"
ensure_databases() {
  local sql="" svc suffix pw
  for svc in "${OCOP_SERVICES[@]}" platform; do
    pw=$(db_password "$svc")
    for host in 127.0.0.1 localhost %; do
      sql+="CREATE USER IF NOT EXISTS 'ocop_$svc'@'$host' IDENTIFIED BY '$pw';"
      sql+="ALTER USER 'ocop_$svc'@'$host' IDENTIFIED BY '$pw';"
    done
    for suffix in "$@"; do
      sql+="CREATE DATABASE IF NOT EXISTS ocop_$svc$suffix CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
      for host in 127.0.0.1 localhost %; do
        sql+="GRANT ALL PRIVILEGES ON ocop_$svc$suffix.* TO 'ocop_$svc'@'$host';"
      done
    done
  done
  db_admin -e "$sql"
  log "databases ready: ocop_<service>{${*:-}} for ${OCOP_SERVICES[*]}"
}

# --- headless browser (the test command's only) -------------------------------------
# Chromium and its chromedriver for the specs of server-rendered pages (the platform test-jar's HeadlessBrowser):
# OCOP_CHROME / OCOP_CHROMEDRIVER when set, else found on the PATH, else Debian's chromium and chromium-driver from apt.
# Exports both paths. The running services never need a browser.
ensure_browser() {
  local chrome="${OCOP_CHROME:-}" driver="${OCOP_CHROMEDRIVER:-}"
  [ -n "$chrome" ] || chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome \
    || command -v google-chrome-stable || true)
  [ -n "$driver" ] || driver=$(command -v chromedriver || true)
  if [ -z "$chrome" ] || [ -z "$driver" ]; then
    apt_install chromium chromium-driver \
      || die "No Chromium/chromedriver and cannot install them (needs apt and root or sudo). Install chromium and chromium-driver (or Google Chrome and a matching chromedriver), or set OCOP_CHROME and OCOP_CHROMEDRIVER."
    [ -n "${OCOP_CHROME:-}" ] || chrome=$(command -v chromium || true)
    [ -n "${OCOP_CHROMEDRIVER:-}" ] || driver=$(command -v chromedriver || true)
  fi
  [ -n "$chrome" ] && [ -x "$chrome" ] || die "Chromium not found or not executable: '${chrome}' (OCOP_CHROME)"
  [ -n "$driver" ] && [ -x "$driver" ] || die "chromedriver not found or not executable: '${driver}' (OCOP_CHROMEDRIVER)"
  export OCOP_CHROME="$chrome" OCOP_CHROMEDRIVER="$driver"
  local chrome_version driver_version
  chrome_version=$("$chrome" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1 || true)
  driver_version=$("$driver" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1 || true)
  if [ -n "$chrome_version" ] && [ -n "$driver_version" ] && [ "${chrome_version%%.*}" != "${driver_version%%.*}" ]; then
    log "warning: Chromium $chrome_version and chromedriver $driver_version differ in major version; the browser specs may fail"
  fi
  log "headless browser: Chromium ${chrome_version:-?} at $OCOP_CHROME, chromedriver ${driver_version:-?} at $OCOP_CHROMEDRIVER"
}

provision() { # $@ = database suffixes
  mkdir -p "$OCOP_STATE"
  ensure_mariadb
  ensure_redis
  ensure_databases "$@"
}
