package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.util.UUID;

/** A role granted to an account; an officer's carries the province code the officer is scoped to. */
@MappedEntity("account_roles")
record AccountRole(@EmbeddedId Key id, @Nullable String provinceCode) {

    static AccountRole of(UUID accountId, String role, @Nullable String provinceCode) {
        return new AccountRole(new Key(accountId, role), provinceCode);
    }

    String role() {
        return id.role();
    }

    /** Account and role: an account holds each role once. */
    @Embeddable
    record Key(@MappedProperty("account_id") UUID accountId, @MappedProperty("role") String role) {
    }
}
