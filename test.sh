#!/usr/bin/env bash
# The project's test command. Installs missing prerequisites when it can (apt-get as root; otherwise it says what
# to install), starts a throwaway PostgreSQL (free port, socket under /tmp), runs `dotnet test`, stops the server.
#   ./test.sh            the test suite (Pipeline.sln)
#   ./test.sh --corpus   the corpus suite (tests/Pipeline.Corpus.Tests; needs ../shared or $PIPELINE_SHARED)
#   ./test.sh --bench-feeds [ROWS]   no tests: 'pipeline bench feeds' on a generated practice export of ROWS rows
#                        (default 1,000,000) against the same throwaway PostgreSQL
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(pwd)"
target="Pipeline.sln"
bench_feeds=""
if [ "${1:-}" = "--corpus" ]; then target="tests/Pipeline.Corpus.Tests/Pipeline.Corpus.Tests.csproj"; shift; fi
if [ "${1:-}" = "--bench-feeds" ]; then bench_feeds="${2:-1000000}"; shift $(( $# > 1 ? 2 : 1 )); fi

say() { echo "test.sh: $*" >&2; }
is_root() { [ "$(id -u)" = "0" ]; }
apt_install() {
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "installing $*"
    if [ -z "${APT_UPDATED:-}" ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    say "missing: $* — install it (e.g. 'sudo apt-get install $*') and run again"
    exit 2
  fi
}

command -v dotnet >/dev/null 2>&1 || { say "the .NET 10 SDK is required (dotnet not on PATH)"; exit 2; }

# The web app's front-end packages (pdfjs-dist) are restored by the build with npm (src/Pipeline.Web/Npm.targets), and
# the browser tests (tests/Pipeline.Web.BrowserTests) drive Debian's Chromium; the corpus suite prints with it too.
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
command -v chromium >/dev/null 2>&1 || apt_install chromium
fc-list 2>/dev/null | grep -q "DejaVu Sans" || apt_install fonts-dejavu-core

# The corpus suite prints the seeds with real tools (tests/Pipeline.Corpus.Tests/Renderings): Chromium and LibreOffice.
if [ "$target" != "Pipeline.sln" ]; then
  command -v soffice >/dev/null 2>&1 || apt_install libreoffice-writer
  fc-list 2>/dev/null | grep -q "Liberation Serif" || apt_install fonts-liberation
  fc-list 2>/dev/null | grep -q "DejaVu Serif" || apt_install fonts-dejavu-core
fi

# PostgreSQL server binaries (initdb, pg_ctl, postgres).
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pg_bin="$dir"; done
if [ -z "$pg_bin" ]; then
  apt_install postgresql
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pg_bin="$dir"; done
fi
[ -n "$pg_bin" ] || { say "PostgreSQL server binaries not found after install"; exit 2; }

# PostgreSQL refuses to run as root: run it as the `postgres` user (created if missing) when we are root.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
if is_root && ! id postgres >/dev/null 2>&1; then useradd --system --home /var/lib/postgresql --shell /bin/bash postgres; fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for p in $(seq 55432 55532); do if port_free "$p"; then port="$p"; break; fi; done
[ -n "$port" ] || { say "no free port in 55432-55532"; exit 2; }

pg_dir="$(mktemp -d /tmp/pipeline-pg.XXXXXX)"
chmod 755 "$pg_dir"
if is_root; then chown postgres "$pg_dir"; fi
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; say "initdb failed"; exit 2; }
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_dir/server.log" >&2; say "PostgreSQL did not start"; exit 2; }
say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_dir)"

export PIPELINE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=30"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ -n "$bench_feeds" ]; then
  ./pipeline samples feed --rows "$bench_feeds" --out "$pg_dir/practices.csv" >&2
  ./pipeline bench feeds "$pg_dir/practices.csv" --chamber CBIS --warehouse "$PIPELINE_TEST_POSTGRES" </dev/null
  exit $?
fi

log="$pg_dir/dotnet-test.log"
set +e
dotnet test "$target" -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "dotnet test failed before running every test (build errors:)"
  grep -E ': error [A-Z]+[0-9]+' "$log" | sort -u | head -20 >&2 || true
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then say "no test ran"; exit 1; fi
exit "$status"
