package vn.ocop.identity.login;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

/** Login, token refresh and logout. */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {

    private final Logins logins;
    private final Sessions sessions;
    private final HttpClientAddressResolver addresses;

    LoginController(Logins logins, Sessions sessions, HttpClientAddressResolver addresses) {
        this.logins = logins;
        this.sessions = sessions;
        this.addresses = addresses;
    }

    @Post("/login")
    TokenResponse login(@Body @Valid LoginRequest request, HttpRequest<?> http) {
        return logins.login(request.login(), request.password(), addresses.resolve(http));
    }

    @Post("/refresh")
    TokenResponse refresh(@Body @Valid RefreshTokenRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    void logout(@Body @Valid RefreshTokenRequest request) {
        sessions.logout(request.refreshToken());
    }
}
