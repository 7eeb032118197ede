package vn.ocop.identity.login;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token presented to rotate it or to log out. */
@Serdeable
record RefreshTokenRequest(@NotBlank @Size(max = 256) String refreshToken) {
}
