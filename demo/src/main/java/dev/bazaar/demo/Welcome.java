package dev.bazaar.demo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a newcomer needs after {@code ./bazaar up}: where the shop is, how to log in, the supplier
 * key, and three requests to try (a misspelt search, one item, an import).
 */
record Welcome(
        String url,
        Optional<DemoAccounts> accounts,
        Path accountsFile,
        Optional<String> apiKey,
        Path keyFile,
        String misspeltSearch,
        String itemId,
        Path catalogueFile) {

    String text() {
        String key = apiKey.orElse("<the key in " + shown(keyFile) + ">");
        StringBuilder text = new StringBuilder();
        text.append("Bazaar is running at ").append(url).append(" (the gateway; every API goes through it)\n\n");
        text.append("Demo logins (POST ")
                .append(url)
                .append("/api/users/login {\"email\":…,\"password\":…}; from ")
                .append(shown(accountsFile))
                .append("):\n");
        accounts.ifPresentOrElse(
                a -> text.append(
                                String.format("  %-9s %-22s %s%n", "customer", a.customerEmail(), a.customerPassword()))
                        .append(String.format("  %-9s %-22s %s%n", "OPS", a.opsEmail(), a.opsPassword()))
                        .append(
                                a.sellerPassword() == null
                                        ? ""
                                        : String.format(
                                                "  %-9s %-22s %s (the demo supplier's orders)%n",
                                                "seller", a.sellerEmail(), a.sellerPassword())),
                () -> text.append("  (not written yet: user-service writes them at start with BAZAAR_DEMO on)\n"));
        text.append("Demo supplier API key (header X-Api-Key; from ")
                .append(shown(keyFile))
                .append("):\n  ")
                .append(apiKey.orElse("(not written yet: inbound-service writes it at start with BAZAAR_DEMO on)"))
                .append("\n\nTry:\n");
        text.append("  curl '")
                .append(url)
                .append("/api/search?q=")
                .append(ShopSearch.encode(misspeltSearch))
                .append("'      # a misspelt search\n");
        text.append("  curl ").append(url).append("/api/items/").append(itemId).append("   # one item\n");
        text.append("  curl -H 'X-Api-Key: ")
                .append(key)
                .append("' -H 'Content-Type: application/json' \\\n")
                .append("       --data-binary @")
                .append(shown(catalogueFile))
                .append(' ')
                .append(url)
                .append("/api/supplier/catalog\n")
                .append("       # an import (the demo catalogue; items sent before count as unchanged); its counts:\n")
                .append("       # curl -H 'X-Api-Key: ")
                .append(key)
                .append("' ")
                .append(url)
                .append("/api/supplier/imports/<importId>\n");
        return text.toString();
    }

    /** A path under the current directory as a relative one (.bazaar/…), shorter to read and to paste. */
    static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : path.toString();
    }
}
