package dev.bazaar.user.address;

import dev.bazaar.contracts.Pincodes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace an address; {@code makeDefault} switches the default to it. */
record AddressRequest(
        @Size(max = 40) String label,
        @NotBlank @Size(max = 100) String recipient,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 100) String state,

        @NotBlank @Pattern(regexp = Pincodes.PATTERN, message = Pincodes.MESSAGE)
        String pincode,

        @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits")
        String phone,

        Boolean makeDefault) {}
