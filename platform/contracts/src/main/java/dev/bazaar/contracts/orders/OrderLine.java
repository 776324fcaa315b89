package dev.bazaar.contracts.orders;

import dev.bazaar.contracts.Money;

public record OrderLine(String itemId, String supplierId, String warehouseId, int quantity, Money unitPrice) {}
