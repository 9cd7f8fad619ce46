# Sourced by benchmark.sh and faults.sh (from the repo root): builds target/billpay.jar and
# target/billpay-benchmark.jar, with the Kafka and Cassandra classpath files, if one is missing.
if [[ ! -f target/billpay.jar || ! -f target/billpay-benchmark.jar \
      || ! -f target/runtime-classpath/kafka.classpath \
      || ! -f target/runtime-classpath/cassandra.classpath ]]; then
  echo "building target/billpay.jar and target/billpay-benchmark.jar (mvn -B -q -DskipTests package) ..."
  # shellcheck disable=SC2086 # MAVEN_ARGS is intentionally word-split
  mvn -B -q ${MAVEN_ARGS:-} -DskipTests package
fi
