package nl.quickscan.surveys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SurveySourceTest {

    @Test
    void aSourceReadsAsTheDocumentsNameAndTheSection() {
        assertEquals("Gronings offensief tegen seksueel geweld 2023-2024, Begroting 2023-2024",
                new Survey.Source("gronings-offensief-tegen-seksueel-geweld-2023-2024.txt", "Begroting 2023-2024").label());
        assertEquals("Landelijke bouwstenen, Bouwsteen 3: Organiseren en borgen",
                new Survey.Source("landelijke-bouwstenen.txt", "Bouwsteen 3: Organiseren en borgen").label());
    }
}
