#!/usr/bin/env bash
# The benchmark, in one go on this machine (see load-tests/README.md, "Benchmark"):
# (a) raw PostgreSQL ceiling of a payment's transaction, (b) an in-memory Vert.x endpoint with the same
# JSON, (c) the gateway on its embedded stack. Writes load-tests/results/benchmark-<UTC timestamp>.md.
#
#   load-tests/benchmark.sh [billpay-benchmark options]      e.g. --duration 15 --warmup 10
#
# Knobs (environment variables; an option given on the command line wins):
#   DURATION_SECONDS  measured seconds per phase                 (default 30)
#   WARMUP_SECONDS    warm-up seconds before each phase          (default 10)
#   CONNECTIONS       concurrent connections / HTTP pool size    (default 64)
#   RATE              offered load of the open-model phases, /s  (default: half of the gateway's peak)
#   LAG_SAMPLE        payments per gateway phase for the Cassandra lag (default 500)
#   SOAK_MINUTES      minutes of soak at the open-model rate after the other phases (default 0 = none)
#   JAVA              the java binary                            (default: java on the PATH)
# Builds the jars first if one is missing (mvn -B -q -DskipTests package makes target/billpay.jar and
# target/billpay-benchmark.jar, the benchmark's own, which runs the gateway from the first; MAVEN_ARGS=-o
# for offline).
# Options beyond the knobs: --webhooks (the dispatcher subscribed: clients with one endpoint each on a local
# receiver), --profile (a flame graph of the gateway at half peak; fetches async-profiler (ASYNC_PROFILER_VERSION, default 4.0)
# from Maven Central into target/benchmark-tools/ once), --help for all.
# Works from any directory, as root and as an ordinary user.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# shellcheck source=ensure-jars.sh
source load-tests/ensure-jars.sh

# an option on the command line wins over its environment knob (picocli refuses an option given twice)
options=()
knob() {
  local option="$1" value="$2" arg
  [[ -z "$value" ]] && return 0
  for arg in "${args[@]}"; do
    [[ "$arg" == "$option" || "$arg" == "$option="* ]] && return 0
  done
  options+=("$option" "$value")
}
args=("$@")
knob --duration "${DURATION_SECONDS:-}"
knob --warmup "${WARMUP_SECONDS:-}"
knob --connections "${CONNECTIONS:-}"
knob --rate "${RATE:-}"
knob --lag-sample "${LAG_SAMPLE:-}"
knob --soak-minutes "${SOAK_MINUTES:-}"

# --profile: the async-profiler jar (its native library for linux-x64 and arm64), fetched only when asked for
async_profiler_version="${ASYNC_PROFILER_VERSION:-4.0}"
for arg in "${args[@]}"; do
  if [[ "$arg" == "--profile" && ! -f target/benchmark-tools/async-profiler.jar ]]; then
    echo "fetching tools.profiler:async-profiler:${async_profiler_version} (mvn dependency:copy) ..."
    # shellcheck disable=SC2086 # MAVEN_ARGS is intentionally word-split
    mvn -B -q ${MAVEN_ARGS:-} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="tools.profiler:async-profiler:${async_profiler_version}" \
      -DoutputDirectory=target/benchmark-tools -Dmdep.stripVersion=true
  fi
done

log="$(mktemp "${TMPDIR:-/tmp}/billpay-benchmark.XXXXXX")"
trap 'rm -f "$log"' EXIT
status=0
"${JAVA:-java}" -jar target/billpay-benchmark.jar "${options[@]}" "$@" 2>&1 | tee "$log" || status=$?

report="$(sed -n 's/^report: //p' "$log" | tail -n 1)"
if [[ -n "$report" ]]; then
  [[ "$report" == /* ]] || report="${root}/${report}"
  echo
  echo "Benchmark report: ${report}"
elif [[ $status -ne 0 ]]; then
  echo "The benchmark did not finish (exit status ${status}); no report was written." >&2
fi
exit "$status"
