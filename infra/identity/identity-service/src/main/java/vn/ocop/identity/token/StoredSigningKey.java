package vn.ocop.identity.token;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A signing key kept in the database: its key id and its private key as base64 PKCS#8. */
@MappedEntity("signing_keys")
record StoredSigningKey(@Id String kid, String privateKey, Instant createdAt, boolean active) {
}
