#!/usr/bin/env bash
# The fault-injection suite, long version (see load-tests/README.md, "Fault suite"): well-behaved clients
# send payments while kill -9 hits Kafka, Cassandra, PostgreSQL and the gateway in turn (each started again
# as it was launched); then every acknowledged payment is checked in PostgreSQL, on the topic and in the
# Cassandra history, every key is replayed, and load-tests/results/faults-<mode>-<UTC timestamp>.md is written.
#
#   load-tests/faults.sh [options]     e.g. --mode scale-out, --rate 20 --clients 16 --settle 20
#
# --mode dev        one `billpay dev` (its servers are its children and restart when they die)  [default]
# --mode scale-out  `billpay stack` + one `billpay serve` per role (2 api, 2 projector, relay, webhooks,
#                   scheduler, clearing); one process of each role is killed
# Builds the jars first if one is missing (MAVEN_ARGS=-o for offline). Exit status 0 when every check held.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# shellcheck source=ensure-jars.sh
source load-tests/ensure-jars.sh

exec "${JAVA:-java}" -cp target/billpay-benchmark.jar dev.billpay.faults.FaultsMain "$@"
