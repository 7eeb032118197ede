package vn.ocop.identity.login;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A token pair.
 *
 * @param accessToken  JWT to send as {@code Authorization: Bearer}
 * @param refreshToken opaque, single-use token for {@code /api/v1/auth/refresh}
 * @param tokenType    always {@code Bearer}
 * @param expiresIn    seconds until the access token expires
 */
@Serdeable
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UUID accountId,
                     List<String> roles) {
}
