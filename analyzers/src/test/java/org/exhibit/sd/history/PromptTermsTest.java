package org.exhibit.sd.history;

import org.exhibit.sd.history.PromptTerms.Term;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromptTermsTest {

    @Test
    void weightsFollowTheWebuisParserOnItsOwnDocstringExample() {
        // modules/prompt_parser.py parse_prompt_attention docstring:
        // [['a ', 1.0], ['house', 1.573], [' ', 1.1], ['on', 1.0], [' a ', 1.1], ['hill', 0.55], [', sun, ', 1.1],
        //  ['sky', 1.4641], ['.', 1.1]]
        List<Term> t = PromptTerms.parse("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).");
        assertEquals(List.of("a", "house", "on", "a", "hill", "sun", "sky", "."), t.stream().map(Term::text).toList());
        assertEquals(List.of(1.0, 1.573, 1.0, 1.1, 0.55, 1.1, 1.4641, 1.1), t.stream().map(Term::weight).toList());
    }

    @Test
    void simpleForms() {
        assertEquals(List.of(1.1), weights("(abc)"));
        assertEquals(List.of(0.9091), weights("[abc]"));
        assertEquals(List.of(1.5), weights("(abc:1.5)"));
        // the webui merges neighbouring runs of equal weight: [['unnecessaryparens', 1.1]]
        assertEquals(List.of(new Term("unnecessaryparens", 1.1, false)), PromptTerms.parse("(unnecessary)(parens)"));
    }

    @Test
    void networkTagsAreNotWordsAndCommasAreKeptForReading() {
        List<Term> t = PromptTerms.parse("(masterpiece:1.2), best quality, hanfu <lora:lora-hanfugirl-v1-5:0.75>");
        assertEquals(List.of("masterpiece", "best", "quality", "hanfu"), t.stream().map(Term::text).toList());
        assertEquals("(masterpiece:1.2), best quality, hanfu", PromptTerms.render(t));
    }

    @Test
    void hanCharactersAreWordsAndJoinWithoutSpaces() {
        List<Term> t = PromptTerms.parse("穿汉服的女孩，古风");
        assertEquals(8, t.size());
        assertEquals("穿汉服的女孩, 古风", PromptTerms.join(t));
    }

    private static List<Double> weights(String prompt) {
        return PromptTerms.parse(prompt).stream().map(Term::weight).toList();
    }
}
