package dev.bazaar.user.account;

import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** New accounts. The unique key on email decides races: the second of two equal registrations gets 409. */
@Service
public class Registration {

    private final UserAccounts users;
    private final PasswordHashing passwords;

    Registration(UserAccounts users, PasswordHashing passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    public UserAccount register(String email, String password, String name, List<Role> roles) {
        var user = new UserAccount(
                UUID.randomUUID().toString(),
                UserAccounts.normalise(email),
                passwords.hash(password),
                name.trim(),
                null,
                roles,
                1,
                null);
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("email-taken", "An account with this email already exists.");
        }
        return user;
    }
}
