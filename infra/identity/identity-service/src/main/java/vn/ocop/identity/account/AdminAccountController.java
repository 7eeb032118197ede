package vn.ocop.identity.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import vn.ocop.platform.security.Roles;

/** Administrators create the accounts nobody may sign up for: officers, helpers, administrators. */
@Controller("/api/v1/admin/accounts")
@Secured(Roles.ADMIN)
class AdminAccountController {

    private final Accounts accounts;

    AdminAccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Post
    @Status(HttpStatus.CREATED)
    RegisteredResponse create(@Body @Valid StaffAccountRequest request) {
        return RegisteredResponse.of(accounts.create(request.toNewAccount()));
    }
}
