package dev.bazaar.recommendation.api;

import dev.bazaar.starter.problem.ApiProblem;
import java.util.regex.Pattern;

/**
 * The {@code category} a storefront asks for: a top-level category name as the catalogue writes it
 * ("Home &amp; Kitchen", "Men's Clothing"), matched case-insensitively. Anything else cannot name one, and is
 * refused rather than looked up: 400 {@code invalid-category}.
 */
final class CategoryNames {

    static final int MAX_LENGTH = 80;
    static final String ALLOWED = "letters, digits, spaces and & , ' -";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} &,'-]+");

    static String validated(String category) {
        if (category.isBlank()
                || category.length() > MAX_LENGTH
                || !NAME.matcher(category).matches()) {
            throw ApiProblem.badRequest(
                            "invalid-category",
                            "category must be 1-" + MAX_LENGTH + " characters of " + ALLOWED + ", not blank")
                    .with("category", category.length() > MAX_LENGTH ? category.substring(0, MAX_LENGTH) : category);
        }
        return category;
    }

    private CategoryNames() {}
}
