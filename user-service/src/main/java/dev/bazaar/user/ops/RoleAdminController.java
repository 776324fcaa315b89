package dev.bazaar.user.ops;

import dev.bazaar.user.account.Role;
import dev.bazaar.user.profile.Profile;
import dev.bazaar.user.profile.ProfileEditor;
import dev.bazaar.user.token.SigningKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS administration. New roles and a seller's supplier reach the user's access token at the next refresh
 * (at most the access-token lifetime, 15 min).
 */
@RestController
@RequestMapping("/api/ops/users")
@PreAuthorize("hasRole('OPS')")
class RoleAdminController {

    record RolesRequest(@NotEmpty Set<Role> roles) {}

    record SupplierRequest(@NotBlank @Size(max = 64) String supplierId) {}

    private final ProfileEditor editor;
    private final SigningKeys keys;

    RoleAdminController(ProfileEditor editor, SigningKeys keys) {
        this.editor = editor;
        this.keys = keys;
    }

    @PutMapping("/{userId}/roles")
    Profile changeRoles(@PathVariable String userId, @Valid @RequestBody RolesRequest request) {
        return editor.changeRoles(userId, request.roles());
    }

    /** Links a SELLER to the supplier whose orders they fulfil (see {@link ProfileEditor#linkSupplier}). */
    @PutMapping("/{userId}/supplier")
    ProfileEditor.SellerLink linkSupplier(@PathVariable String userId, @Valid @RequestBody SupplierRequest request) {
        return editor.linkSupplier(userId, request.supplierId().trim());
    }

    /** Starts signing with a new key; the previous keys stay in the JWKS. */
    @PostMapping("/signing-keys/rotate")
    Map<String, String> rotateSigningKey() {
        return Map.of("kid", keys.rotate());
    }
}
