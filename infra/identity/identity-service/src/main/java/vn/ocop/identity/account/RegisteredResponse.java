package vn.ocop.identity.account;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** The account just created and the roles it holds. */
@Serdeable
record RegisteredResponse(UUID accountId, List<String> roles) {

    static RegisteredResponse of(AccountProfile profile) {
        return new RegisteredResponse(profile.id(), profile.roles());
    }
}
