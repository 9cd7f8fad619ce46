package dev.billpay.clients;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creating clients and their keys, and revoking keys (admin endpoints and the admin command). */
public final class ClientAdminService {
  private final ClientRepository clients;
  private final Clock clock;

  public ClientAdminService(ClientRepository clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  public Future<JsonObject> createClient(String name) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = Ids.newId("cli");
    return clients.insertClient(id, name, now).map(v -> new JsonObject().put("id", id).put("object", "client")
        .put("name", name).put("created_at", now.toString()));
  }

  /** The answer carries the key itself, once; only its hash is stored. */
  public Future<JsonObject> createKey(String clientId, String mode) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String secret = ApiKeys.generate(mode);
    ApiKey key = new ApiKey(Ids.newId("key"), clientId, ApiKeys.prefixOf(secret), mode, now, null);
    return clients.clientExists(clientId).compose(exists -> {
      if (!exists) {
        throw DomainException.notFound("Client " + clientId);
      }
      return clients.insertKey(key, ApiKeys.hash(secret));
    }).map(v -> key.toJson().put("key", secret));
  }

  public Future<JsonObject> revokeKey(String keyId) {
    return clients.revoke(keyId, clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .map(k -> k.orElseThrow(() -> DomainException.notFound("API key " + keyId)).toJson());
  }
}
