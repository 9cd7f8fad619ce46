#!/usr/bin/env bash
# Run a Gatling simulation against a running billpay-gateway.
#
#   load-tests/run.sh [SimulationClass]
#
# SimulationClass defaults to PayNowSimulation; a simple name is looked up in
# dev.billpay.loadtests, a fully qualified name is used as is. Works from any directory.
#
# Knobs (environment variables, passed through to the simulation):
#   BASE_URL          gateway URL, loopback only      (default http://localhost:8080)
#   API_KEY           bearer key                      (default bp_test_dev_key_embedded_default)
#   RATE              users/s after the ramp          (default 50)
#   RAMP_SECONDS      ramp from 1 to RATE users/s     (default 10)
#   DURATION_SECONDS  time held at RATE users/s       (default 30)
#   FUNDING_ACCOUNT_ID, PAYEE_ID  the client's fixtures (default: created through the API first)
#   and each simulation's own (STORM_*, HISTORY_*, MIXED_*, PLAN_*): see load-tests/README.md
# Extra Maven arguments can be given in MAVEN_ARGS, e.g. MAVEN_ARGS=-o for offline.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

simulation="${1:-PayNowSimulation}"
if [[ "$simulation" != *.* ]]; then
  simulation="dev.billpay.loadtests.${simulation}"
fi

props=()
for knob in BASE_URL API_KEY RATE RAMP_SECONDS DURATION_SECONDS FUNDING_ACCOUNT_ID PAYEE_ID \
    STORM_COPIES STORM_MISMATCHES HISTORY_PAYMENTS HISTORY_PAGES HISTORY_PAGE_SIZE \
    MIXED_CREATE_PERCENT MIXED_SEED_PAYMENTS PLAN_FREQUENCIES; do
  if [[ -n "${!knob:-}" ]]; then
    props+=("-D${knob}=${!knob}")
  fi
done

# Reports of earlier runs stay; remember the newest one so a run that writes none is noticed.
results="${here}/target/gatling"
newest_report() {
  ls -1td "${results}"/*/ 2>/dev/null | while read -r dir; do
    if [[ -f "${dir}index.html" ]]; then
      echo "${dir}index.html"
      break
    fi
  done
}
before="$(newest_report || true)"

echo "Running ${simulation} against ${BASE_URL:-http://localhost:8080}" \
     "(RATE=${RATE:-50} RAMP_SECONDS=${RAMP_SECONDS:-10} DURATION_SECONDS=${DURATION_SECONDS:-30})"

status=0
# shellcheck disable=SC2086 # MAVEN_ARGS is intentionally word-split
mvn -B ${MAVEN_ARGS:-} -f "${here}/pom.xml" gatling:test \
  "-Dgatling.simulationClass=${simulation}" "${props[@]}" || status=$?

after="$(newest_report || true)"
echo
if [[ -n "$after" && "$after" != "$before" ]]; then
  echo "Gatling report: ${after}"
else
  echo "No new Gatling report was written (see the output above)." >&2
  [[ -n "$before" ]] && echo "Newest earlier report: ${before}" >&2
  [[ $status -eq 0 ]] && status=1
fi
exit "$status"
