package dev.bazaar.order.processing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a seller or OPS cancels, or what a return is about: kept as the move's note. */
record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}
