package nl.quickscan.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NaturalOrderTest {

    @Test
    void numbersGoByTheirValueAndLettersInDutchOrderWithoutRegardToCase() {
        assertEquals(List.of("regio 1", "regio 2", "regio 10", "Regio 11", "regio 100"),
                Stream.of("regio 10", "regio 1", "regio 100", "Regio 11", "regio 2").sorted(NaturalOrder.INSTANCE).toList());
        assertEquals(List.of("Aa en Hunze", "Assen", "de Bilt", "De Wolden", "Ede", "Émmen", "Zwolle"),
                Stream.of("Zwolle", "Émmen", "De Wolden", "Assen", "de Bilt", "Ede", "Aa en Hunze")
                        .sorted(NaturalOrder.INSTANCE).toList());
        assertEquals(List.of("GM0014", "GM14", "GM0106"), Stream.of("GM0106", "GM14", "GM0014").sorted(NaturalOrder.INSTANCE).toList(),
                "equal numbers: the text decides, so that the order is total");
    }
}
