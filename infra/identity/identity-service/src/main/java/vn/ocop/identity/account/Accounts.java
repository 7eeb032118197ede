package vn.ocop.identity.account;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import vn.ocop.identity.api.AccountRegistered;
import vn.ocop.identity.password.PasswordHasher;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Roles;

/** Creating accounts (each announced by {@link AccountRegistered}) and reading them for logins and tokens. */
@Singleton
public class Accounts {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    private final AccountRepository accounts;
    private final AccountRoleRepository roles;
    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final FieldMessages fields;
    private final Clock clock;

    Accounts(AccountRepository accounts, AccountRoleRepository roles, PasswordHasher hasher, Outbox outbox,
             TransactionOperations<Connection> transactions, FieldMessages fields, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.hasher = hasher;
        this.outbox = outbox;
        this.transactions = transactions;
        this.fields = fields;
        this.clock = clock;
    }

    /**
     * Validates the contacts, stores the account with its role and publishes {@link AccountRegistered}, all in one
     * transaction. A phone or e-mail already in use is a 409, whether seen before the insert or by a racing one.
     */
    AccountProfile create(NewAccount request) {
        var errors = fields.collect();
        String phone = normalised(request.phone(), Contacts::phone, "phone", errors);
        String email = normalised(request.email(), Contacts::email, "email", errors);
        if (isBlank(request.phone()) && isBlank(request.email())) {
            errors.add("phone", "contact_required").add("email", "contact_required");
        }
        int length = request.password() == null ? 0 : request.password().length();
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            errors.add("password", "password_length");
        }
        boolean officer = Roles.OFFICER.equals(request.role());
        if (officer && isBlank(request.province())) {
            errors.add("provinceCode", "province_required");
        } else if (!officer && !isBlank(request.province())) {
            errors.add("provinceCode", "province_officers_only");
        }
        errors.throwIfAny();
        String passwordHash = hasher.hash(request.password());
        Instant now = clock.instant();
        var account = new Account(Ids.newId(), request.displayName().trim(), phone, email, passwordHash,
                AccountStatus.ACTIVE, now, now);
        var role = AccountRole.of(account.id(), request.role(), request.province());
        try {
            return transactions.executeWrite(status -> {
                if (phone != null && accounts.existsByPhone(phone)) {
                    throw taken("phone");
                }
                if (email != null && accounts.existsByEmail(email)) {
                    throw taken("email");
                }
                accounts.save(account);
                roles.save(role);
                var profile = profileOf(account, List.of(role));
                outbox.publish(AccountRegistered.TYPE, AccountRegistered.VERSION, account.id().toString(),
                        new AccountRegistered(account.id(), account.displayName(), phone, email, profile.roles(),
                                profile.province(), request.seller(), now));
                return profile;
            });
        } catch (DataAccessException e) {
            throw duplicateContact(e).orElseThrow(() -> e);
        }
    }

    /** The credentials of the account a login string (phone in any accepted form, or e-mail) names. */
    public Optional<Credentials> credentials(String login) {
        String key = Contacts.loginKey(login);
        Optional<Account> account = key.indexOf('@') >= 0 ? accounts.findByEmail(key) : accounts.findByPhone(key);
        return account.map(a -> new Credentials(a.id(), a.passwordHash(), a.active()));
    }

    public Optional<AccountProfile> profile(UUID accountId) {
        return accounts.findById(accountId).map(account -> profileOf(account, roles.findByIdAccountId(accountId)));
    }

    /** The profile of an account that may still get tokens. */
    public Optional<AccountProfile> activeProfile(UUID accountId) {
        return accounts.findById(accountId).filter(Account::active)
                .map(account -> profileOf(account, roles.findByIdAccountId(accountId)));
    }

    /** Stores a new hash of the same password (after a successful login, when the hashing cost changed). */
    public void changePasswordHash(UUID accountId, String passwordHash) {
        accounts.findById(accountId).ifPresent(a -> accounts.update(a.withPasswordHash(passwordHash, clock.instant())));
    }

    boolean adminExists() {
        return roles.existsByIdRole(Roles.ADMIN);
    }

    private static AccountProfile profileOf(Account account, List<AccountRole> granted) {
        List<String> names = granted.stream().map(AccountRole::role).sorted(Comparator.naturalOrder()).toList();
        String province = granted.stream().filter(r -> Roles.OFFICER.equals(r.role())).findFirst()
                .map(AccountRole::provinceCode).orElse(null);
        return new AccountProfile(account.id(), account.displayName(), account.phone(), account.email(), names, province);
    }

    private static String normalised(String raw, Function<String, Optional<String>> normal, String field,
                                     FieldMessages.Errors errors) {
        if (isBlank(raw)) {
            return null;
        }
        Optional<String> value = normal.apply(raw);
        if (value.isEmpty()) {
            errors.add(field, field + "_invalid");
        }
        return value.orElse(null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ProblemException taken(String field) {
        return ProblemException.conflict(field + "_taken", "This " + field + " is already registered");
    }

    /** A unique-key violation from a registration that raced ours, as the same 409 the pre-check gives. */
    static Optional<ProblemException> duplicateContact(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("uk_accounts_phone")) {
                return Optional.of(taken("phone"));
            }
            if (message.contains("uk_accounts_email")) {
                return Optional.of(taken("email"));
            }
        }
        return Optional.empty();
    }
}
