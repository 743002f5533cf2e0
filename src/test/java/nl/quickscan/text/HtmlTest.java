package nl.quickscan.text;

import com.github.jknack.handlebars.EscapingStrategy;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HtmlTest {

    @Test
    void escapesTheSameCharactersAsHandlebarsDefault() {
        assertEquals("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", Html.escape("<script>alert('x')</script>").toString());
        assertEquals("a &amp; b &#x3D; &quot;c&quot; &#x60;d&#x60;", Html.escape("a & b = \"c\" `d`").toString());
        assertEquals("", Html.escape(null).toString());
    }

    @Test
    void leavesTextWithoutSpecialCharactersAsItIs() {
        String plain = "Synthetisch GM9000 – één toelichting";
        assertSame(plain, Html.escape(plain));
    }

    @Test
    void agreesWithHandlebarsDefaultOnRandomText() {
        Random random = new Random(7);
        String alphabet = "ab é–<>\"'`=&;#x\n";
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(EscapingStrategy.HBS4.escape(text).toString(), Html.escape(text).toString(), text.toString());
        }
    }
}
