package dev.bazaar.user.profile;

import dev.bazaar.user.account.Role;
import java.util.List;

public record Profile(String id, String email, String name, String phone, List<Role> roles) {}
