package dev.bazaar.demo;

/** The packed product as logistics sees it: weight and the three sides of its box. */
public record Parcel(int weightGrams, int lengthCm, int widthCm, int heightCm) {

    public int longestSideCm() {
        return Math.max(lengthCm, Math.max(widthCm, heightCm));
    }
}
