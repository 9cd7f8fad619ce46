package dev.billpay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.infra.EmbeddedStack;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration: defaults from conf/application.json, overridden by BILLPAY_* variables")
class ConfigLoaderTest {

  @Test
  @DisplayName("every key has a default, and the defaults start everything embedded")
  void defaults() {
    GatewayConfig c = ConfigLoader.load(ConfigLoader.bundledDefaults(), Map.of());
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.kafka().paymentEventsTopic()).isEqualTo("billpay.payment-events");
    assertThat(EmbeddedStack.plan(c)).containsExactly("postgresql", "kafka", "cassandra");
  }

  @Test
  @DisplayName("environment variables override keys, typed like their defaults")
  void overrides() {
    GatewayConfig c = ConfigLoader.load(ConfigLoader.bundledDefaults(), Map.of(
        "BILLPAY_HTTP_PORT", "9090",
        "BILLPAY_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
        "BILLPAY_CASSANDRA_KEYSPACE", "billpay_prod"));
    assertThat(c.http().port()).isEqualTo(9090);
    assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(c.cassandra().keyspace()).isEqualTo("billpay_prod");
    assertThat(EmbeddedStack.plan(c)).containsExactly("postgresql", "cassandra");
  }

  @Test
  @DisplayName("with all three addresses configured, nothing is embedded")
  void external() {
    GatewayConfig c = ConfigLoader.load(ConfigLoader.bundledDefaults(), Map.of(
        "BILLPAY_PG_URL", "postgresql://db:5432/billpay",
        "BILLPAY_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
        "BILLPAY_CASSANDRA_CONTACT_POINTS", "cassandra:9042"));
    assertThat(EmbeddedStack.plan(c)).isEmpty();
    assertThat(c.fullyExternal()).isTrue();
  }

  @Test
  @DisplayName("invalid values fail fast with one line per problem, naming the variable")
  void invalid() {
    assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.bundledDefaults(), Map.of(
        "BILLPAY_HTTP_PORT", "eighty",
        "BILLPAY_PG_POOL_SIZE", "0",
        "BILLPAY_PG_URL", "mysql://x",
        "BILLPAY_CASSANDRA_CONSISTENCY", "MOST")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .hasSize(4)
            .anySatisfy(p -> assertThat(p).startsWith("BILLPAY_HTTP_PORT: expected an integer"))
            .anySatisfy(p -> assertThat(p).contains("BILLPAY_PG_POOL_SIZE").contains("outside"))
            .anySatisfy(p -> assertThat(p).contains("BILLPAY_PG_URL"))
            .anySatisfy(p -> assertThat(p).contains("BILLPAY_CASSANDRA_CONSISTENCY")));
  }

  @Test
  @DisplayName("the variable name of a key is BILLPAY_ plus the upper-cased path")
  void envNames() {
    assertThat(ConfigLoader.envName("kafka.bootstrap-servers")).isEqualTo("BILLPAY_KAFKA_BOOTSTRAP_SERVERS");
    assertThat(ConfigLoader.envName("pg.url")).isEqualTo("BILLPAY_PG_URL");
  }

  @Test
  @DisplayName("the producers' compression is lz4 by default, any of the five codecs by variable, else a problem naming the key")
  void producerCompression() {
    assertThat(ConfigLoader.load(ConfigLoader.bundledDefaults(), Map.of()).kafka().producerCompression())
        .isEqualTo(KafkaCompression.LZ4);
    for (String codec : new String[] {"none", "gzip", "snappy", "lz4", "zstd", "ZSTD"}) {
      KafkaCompression c = ConfigLoader.load(ConfigLoader.bundledDefaults(),
          Map.of("BILLPAY_KAFKA_PRODUCER_COMPRESSION", codec)).kafka().producerCompression();
      assertThat(c.kafkaName()).isEqualTo(codec.toLowerCase(java.util.Locale.ROOT));
      assertThat(dev.billpay.events.KafkaClients.producerConfig(ConfigLoader.load(ConfigLoader.bundledDefaults(),
          Map.of("BILLPAY_KAFKA_PRODUCER_COMPRESSION", codec)).kafka()))
          .containsEntry("compression.type", codec.toLowerCase(java.util.Locale.ROOT));
    }
    assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.bundledDefaults(),
        Map.of("BILLPAY_KAFKA_PRODUCER_COMPRESSION", "brotli")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "kafka.producer.compression (BILLPAY_KAFKA_PRODUCER_COMPRESSION): expected one of none, gzip, snappy,"
                + " lz4, zstd, got 'brotli'"));
  }
}
