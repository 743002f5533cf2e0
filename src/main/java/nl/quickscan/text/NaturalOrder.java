package nl.quickscan.text;

import java.math.BigInteger;
import java.text.Collator;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the order people expect: numbers by their value ("regio 2" before "regio 10"), letters in Dutch order
 * without regard to case ("de Bilt" beside "De Wolden").
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();
    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        Collator collator = Collator.getInstance(DutchFormat.DUTCH);
        collator.setStrength(Collator.SECONDARY);
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (left.find()) {
            if (!right.find()) {
                return 1;
            }
            String x = left.group();
            String y = right.group();
            boolean digits = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = digits ? new BigInteger(x).compareTo(new BigInteger(y)) : collator.compare(x, y);
            if (order != 0) {
                return order;
            }
        }
        return right.find() ? -1 : a.compareTo(b);
    }
}
