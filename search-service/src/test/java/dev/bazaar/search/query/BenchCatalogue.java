package dev.bazaar.search.query;

import dev.bazaar.contracts.search.ItemSearchIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated catalogue shaped like the real one (index contract fields as search-consumer writes
 * them): titles of 3-6 words from a product vocabulary, 300 brands with a long tail, a 3-level
 * category tree (12 × 5 × 4), prices from ₹99 to ₹1,50,000 (log-uniform), ratings for 70 %,
 * three attributes, 97 % listed. Deterministic for a seed, so runs compare.
 */
final class BenchCatalogue {

    static final String[] ADJECTIVES = {
        "Casual",
        "Printed",
        "Solid",
        "Slim",
        "Classic",
        "Premium",
        "Cotton",
        "Silk",
        "Leather",
        "Wooden",
        "Steel",
        "Ceramic",
        "Analog",
        "Digital",
        "Wireless",
        "Portable",
        "Sleeveless",
        "Striped",
        "Floral",
        "Embroidered",
        "Handmade",
        "Stainless",
        "Smart",
        "Compact",
        "Vintage",
        "Sports",
        "Formal",
        "Ethnic"
    };
    static final String[] NOUNS = {
        "Kurta",
        "Shirt",
        "Saree",
        "Watch",
        "Ring",
        "Necklace",
        "Shoes",
        "Sandals",
        "Bottle",
        "Mug",
        "Lamp",
        "Cushion",
        "Bedsheet",
        "Backpack",
        "Wallet",
        "Headphones",
        "Speaker",
        "Smartphone",
        "Charger",
        "Jacket",
        "Sweater",
        "Jeans",
        "Dress",
        "Earrings",
        "Bracelet",
        "Sofa",
        "Table",
        "Chair",
        "Curtain",
        "Blender",
        "Kettle",
        "Cooker",
        "Television",
        "Laptop",
        "Tablet",
        "Camera",
        "Perfume",
        "Trimmer",
        "Helmet",
        "Bicycle"
    };
    static final String[] COLOURS = {"Black", "White", "Blue", "Red", "Green", "Yellow", "Pink", "Grey", "Brown", "Gold"
    };
    static final String[] FOR = {"Men's", "Women's", "Boys", "Girls", "Unisex"};
    static final String[] MATERIALS = {"Cotton", "Polyester", "Steel", "Plastic", "Wood", "Leather", "Glass", "Ceramic"
    };
    static final String[] TOP = {
        "Clothing",
        "Footwear",
        "Jewellery",
        "Watches",
        "Home Furnishing",
        "Kitchen & Dining",
        "Mobiles & Accessories",
        "Computers",
        "Furniture",
        "Beauty and Personal Care",
        "Sports & Fitness",
        "Electronics"
    };
    static final String[] SIZES = {"SMALL", "MEDIUM", "LARGE", "BULKY"};

    final List<String> brands = new ArrayList<>();

    BenchCatalogue(long seed) {
        Random random = new Random(seed);
        String syllables = "ka ra to mi ne lu sa vi ro da pe zo fi gu ha ja ti bo";
        String[] parts = syllables.split(" ");
        while (brands.size() < 300) {
            String brand = cap(parts[random.nextInt(parts.length)]
                    + parts[random.nextInt(parts.length)]
                    + parts[random.nextInt(parts.length)]);
            if (!brands.contains(brand)) {
                brands.add(brand);
            }
        }
    }

    static String category(int top, int mid, int leaf) {
        return TOP[top] + ">>" + TOP[top].split(" ")[0] + " Group " + (mid + 1) + ">>" + "Range " + (char) ('A' + leaf);
    }

    Map<String, Object> document(int n, Random random) {
        String id = new UUID(0x5EA2C4L, n).toString();
        String brand = brands.get((int) Math.min(brands.size() - 1, Math.abs(random.nextGaussian()) * 60));
        String noun = NOUNS[random.nextInt(NOUNS.length)];
        StringBuilder title = new StringBuilder(brand);
        int adjectives = 1 + random.nextInt(3);
        for (int i = 0; i < adjectives; i++) {
            title.append(' ').append(ADJECTIVES[random.nextInt(ADJECTIVES.length)]);
        }
        String colour = COLOURS[random.nextInt(COLOURS.length)];
        title.append(' ').append(noun).append(" (").append(colour).append(')');
        int top = random.nextInt(TOP.length);
        int mid = random.nextInt(5);
        int leaf = random.nextInt(4);
        String[] path = category(top, mid, leaf).split(">>");
        long price =
                Math.round(Math.exp(Math.log(9_900) + random.nextDouble() * (Math.log(15_000_000) - Math.log(9_900))));
        boolean listed = random.nextInt(100) < 97;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("itemId", id);
        doc.put("supplierId", "bench-supplier-" + (n % 50));
        doc.put("title", title.toString());
        doc.put("brand", brand);
        doc.put(
                "description",
                title + ". " + MATERIALS[random.nextInt(MATERIALS.length)] + " " + noun.toLowerCase()
                        + " for everyday use, " + colour.toLowerCase() + " finish.");
        doc.put("categoryPath", List.of(path));
        doc.put("categoryPrefixes", List.of(path[0], path[0] + ">>" + path[1], String.join(">>", path)));
        doc.put("categoryText", String.join(" > ", path));
        doc.put("priceMinor", price);
        doc.put("mrpMinor", price + price / (2 + random.nextInt(5)));
        doc.put("currency", "INR");
        doc.put("rating", random.nextInt(10) < 7 ? Math.round((1 + random.nextDouble() * 4) * 10) / 10.0 : null);
        doc.put("image", "https://img.example/" + id + ".jpeg");
        doc.put("sizeClass", SIZES[random.nextInt(SIZES.length)]);
        doc.put(
                "attributes",
                List.of(
                        Map.of("name", "Color", "value", colour),
                        Map.of("name", "Ideal For", "value", FOR[random.nextInt(FOR.length)]),
                        Map.of("name", "Material", "value", MATERIALS[random.nextInt(MATERIALS.length)])));
        doc.put("active", true);
        doc.put("inStock", listed);
        doc.put("listed", listed);
        doc.put("catalogVersion", 1L);
        doc.put("stockVersion", 1L);
        String created =
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(n * 300L).toString();
        doc.put("createdAt", created);
        doc.put("updatedAt", created);
        doc.put(
                "suggest",
                Map.of(
                        "input",
                        List.of(title.toString(), brand),
                        "contexts",
                        Map.of(ItemSearchIndex.SUGGEST_CONTEXT, List.of(String.valueOf(listed)))));
        return doc;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
