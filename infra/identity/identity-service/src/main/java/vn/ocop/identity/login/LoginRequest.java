package vn.ocop.identity.login;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param login    a phone number (any accepted form) or an e-mail
 * @param password the password
 */
@Serdeable
record LoginRequest(@NotBlank @Size(max = 320) String login, @NotBlank @Size(max = 1024) String password) {
}
