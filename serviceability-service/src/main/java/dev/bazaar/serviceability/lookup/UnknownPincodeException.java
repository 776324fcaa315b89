package dev.bazaar.serviceability.lookup;

import dev.bazaar.starter.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A well-formed pincode the network does not contain: 404 with the reason, so callers can tell the user. */
class UnknownPincodeException extends ApiProblem {

    public UnknownPincodeException(String pincode) {
        super(
                HttpStatus.NOT_FOUND,
                "unknown-pincode",
                "Unknown pincode",
                "Pincode " + pincode + " is not in the logistics network");
        with("pincode", pincode);
        with("reason", "UNKNOWN_PINCODE");
    }
}
