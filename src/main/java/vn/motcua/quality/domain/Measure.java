package vn.motcua.quality.domain;

/**
 * What an indicator counts: {@code numerator} out of {@code denominator}. A numerator may come out below zero where the
 * formula subtracts shares (5.4): the rate is then 0.
 */
public record Measure(long numerator, long denominator) {
    public static final Measure EMPTY = new Measure(0, 0);

    public Measure plus(Measure o) {
        return new Measure(numerator + o.numerator, denominator + o.denominator);
    }
}
