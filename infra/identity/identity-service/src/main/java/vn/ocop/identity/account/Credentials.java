package vn.ocop.identity.account;

import java.util.UUID;

/** What a login is checked against. */
public record Credentials(UUID accountId, String passwordHash, boolean active) {
}
