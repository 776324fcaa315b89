package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import dev.bazaar.contracts.Pincodes;
import dev.bazaar.starter.delivery.DefaultPincodes;
import dev.bazaar.starter.delivery.DeliveryCheck;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import dev.bazaar.starter.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a cart's lines would arrive: one serviceability batch call per read, for the pincode the
 * shopper asked about or else a signed-in shopper's default address. Never fails a cart: no pincode,
 * serviceability slow (past {@code bazaar.cart.serviceability.budget}) or down, or user-service
 * unable to say, and the lines' deliveries are simply UNKNOWN. Outcomes are counted in
 * {@code bazaar.cart.serviceability{outcome}}.
 */
@Component
class DeliveryEstimates {

    /** Where the estimates are for; {@code pincode} null when there is none. */
    record For(String pincode, DeliveryCheck check) {}

    private final ServiceabilityClient serviceability;
    private final DefaultPincodes defaultPincodes;

    DeliveryEstimates(CartProperties properties, JsonMapper json, MeterRegistry meters) {
        this.serviceability =
                new ServiceabilityClient(properties.serviceability(), json, meters, "bazaar.cart.serviceability");
        this.defaultPincodes = new DefaultPincodes(properties.users(), json);
    }

    /** 400 {@code invalid-pincode} for a pincode that cannot exist, before anything is read. */
    static void requireValid(String pincode) {
        if (pincode != null && !Pincodes.isValid(pincode)) {
            throw ApiProblem.badRequest("invalid-pincode", Pincodes.MESSAGE);
        }
    }

    /**
     * @param requested the pincode the shopper asked about, or null for the default address's
     * @param itemIds the lines that can be bought (the others have no delivery to estimate)
     */
    For estimate(CartOwner owner, String requested, List<String> itemIds) {
        Optional<String> pincode = requested != null
                ? Optional.of(requested)
                : owner.isGuest() ? Optional.empty() : defaultPincodes.of(owner.userId());
        if (pincode.isEmpty()) {
            return new For(null, new DeliveryCheck(DeliveryCheck.Outcome.OK, Map.of()));
        }
        return new For(pincode.get(), serviceability.check(pincode.get(), itemIds));
    }
}
