package org.exhibit.sd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vectors from the docstring of parse_prompt_attention in AUTOMATIC1111 modules/prompt_parser.py. */
class PromptSyntaxTest {

    private static PromptSyntax.Weighted w(String t, double x) {
        return new PromptSyntax.Weighted(t, x);
    }

    @Test
    void webuiDocstringVectors() {
        assertEquals(List.of(w("normal text", 1.0)), PromptSyntax.attention("normal text"));
        assertEquals(List.of(w("an ", 1.0), w("important", 1.1), w(" word", 1.0)),
                PromptSyntax.attention("an (important) word"));
        assertEquals(List.of(w("unbalanced", 1.1)), PromptSyntax.attention("(unbalanced"));
        assertEquals(List.of(w("(literal]", 1.0)), PromptSyntax.attention("\\(literal\\]"));
        assertEquals(List.of(w("unnecessaryparens", 1.1)), PromptSyntax.attention("(unnecessary)(parens)"));
        assertEquals(List.of(w("a ", 1.0), w("house", 1.5730000000000004), w(" ", 1.1), w("on", 1.0),
                        w(" a ", 1.1), w("hill", 0.55), w(", sun, ", 1.1), w("sky", 1.4641000000000006), w(".", 1.1)),
                PromptSyntax.attention("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky)))."));
    }

    @Test
    void emphasisDropsLoraTagsAndBreak() {
        assertEquals(List.of(w("masterpiece", 1.2), w("blurry", 1 / 1.1)),
                PromptSyntax.emphasised("(masterpiece:1.2), 1girl BREAK [blurry] <lora:hanfu:0.75>"));
    }
}
