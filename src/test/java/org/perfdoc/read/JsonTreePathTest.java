package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a member's name extends a path in problem messages: after a dot when it is a plain name, else quoted. */
class JsonTreePathTest {
    @Test
    void plainNamesFollowADot() {
        assertEquals("$.units", JsonTree.child("$", "units"));
        assertEquals("$.a1_$", JsonTree.child("$", "a1_$"));
        assertEquals("$._x", JsonTree.child("$", "_x"));
        assertEquals("$.$ref", JsonTree.child("$", "$ref"));
        assertEquals("$.Z9", JsonTree.child("$", "Z9"));
    }

    @Test
    void otherNamesAreQuoted() {
        assertEquals("$['']", JsonTree.child("$", ""));
        assertEquals("$['1st']", JsonTree.child("$", "1st"));
        assertEquals("$['项目名称']", JsonTree.child("$", "项目名称"));
        assertEquals("$['a b']", JsonTree.child("$", "a b"));
        assertEquals("$['a-b']", JsonTree.child("$", "a-b"));
        assertEquals("$['it\\'s']", JsonTree.child("$", "it's"));
        assertEquals("$['back\\\\slash']", JsonTree.child("$", "back\\slash"));
        assertEquals("$['é']", JsonTree.child("$", "é"));
        assertEquals("$['a:']", JsonTree.child("$", "a:"));
        assertEquals("$['@']", JsonTree.child("$", "@"));
    }
}
