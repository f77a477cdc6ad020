package io.lectern.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Expected texts below are what Node's JSON.stringify writes for the same input. */
class OpenApiDocumentsTest {

    static JsonNode json(String text) {
        return OpenApiDocuments.JSON.readTree(text);
    }

    @Test
    void everyCommittedDocumentIsWrittenBackByteForByte() throws Exception {
        Path documents = OpenApiDocuments.committed(Path.of(""), "content").getParent();
        List<Path> files;
        try (Stream<Path> listing = Files.list(documents)) {
            files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            String committed = Files.readString(file);
            assertThat(OpenApiDocuments.format(json(committed)))
                    .as(file.toString())
                    .isEqualTo(committed);
        }
    }

    @Test
    void layoutIsTwoSpacesWithEmptyContainersOnOneLine() {
        assertThat(OpenApiDocuments.format(json("{\"a\":[],\"b\":{},\"c\":[1,{\"d\":null,\"e\":true}],\"f\":\"x\"}")))
                .isEqualTo("""
                        {
                          "a": [],
                          "b": {},
                          "c": [
                            1,
                            {
                              "d": null,
                              "e": true
                            }
                          ],
                          "f": "x"
                        }
                        """);
    }

    @Test
    void arrayIndexKeysComeFirstInAscendingOrderLikeInJavaScript() {
        String written = OpenApiDocuments.format(
                json("{\"b\":1,\"200\":2,\"10\":3,\"a\":4,\"01\":5,\"4294967295\":6,\"4294967294\":7,\"-1\":8}"));
        assertThat(written).isEqualTo("""
                        {
                          "10": 3,
                          "200": 2,
                          "4294967294": 7,
                          "b": 1,
                          "a": 4,
                          "01": 5,
                          "4294967295": 6,
                          "-1": 8
                        }
                        """);
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        String[][] cases = {
            {"1", "1"},
            {"-1", "-1"},
            {"-0", "0"},
            {"-0.0", "0"},
            {"1.0", "1"},
            {"1E+2", "100"},
            {"1.5", "1.5"},
            {"-0.5", "-0.5"},
            {"0.1", "0.1"},
            {"0.30000000000000004", "0.30000000000000004"},
            {"0.000001", "0.000001"},
            {"1e-7", "1e-7"},
            {"2.5e-8", "2.5e-8"},
            {"123e-20", "1.23e-18"},
            {"1e20", "100000000000000000000"},
            {"1e21", "1e+21"},
            {"123456789012345678901", "123456789012345680000"},
            {"9007199254740993", "9007199254740992"},
            {"5e-324", "5e-324"},
            {"1.7976931348623157e308", "1.7976931348623157e+308"},
        };
        for (String[] c : cases) {
            assertThat(OpenApiDocuments.format(json("[" + c[0] + "]"))).as(c[0]).isEqualTo("[\n  " + c[1] + "\n]\n");
        }
    }

    @Test
    void stringsAreEscapedAsJavaScriptEscapesThem() {
        String value = "\u0001\u001f\b\f\n\r\t\"\\/é\u2028\u007f😀\ud800x\udc00";
        String written = OpenApiDocuments.format(
                OpenApiDocuments.JSON.getNodeFactory().arrayNode().add(value));
        assertThat(written)
                .isEqualTo("[\n  \"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/é\u2028\u007f😀\\ud800x\\udc00\"\n]\n");
    }

    @Test
    void firstDifferenceIsAJsonPointerAndIgnoresMemberOrder() {
        JsonNode committed =
                json("{\"paths\":{\"/api/v1/posts\":{\"get\":{\"summary\":\"List\",\"tags\":[\"a\",\"b\"]}}},"
                        + "\"x~y\":1}");
        assertThat(OpenApiDocuments.firstDifference(
                        committed,
                        json("{\"x~y\":1.0,\"paths\":{\"/api/v1/posts\":{\"get\":{\"tags\":[\"a\",\"b\"],"
                                + "\"summary\":\"List\"}}}}")))
                .isNull();
        assertThat(OpenApiDocuments.firstDifference(
                        committed,
                        json("{\"paths\":{\"/api/v1/posts\":{\"get\":{\"summary\":\"All\",\"tags\":[\"a\",\"b\"]}}},"
                                + "\"x~y\":1}")))
                .isEqualTo("/paths/~1api~1v1~1posts/get/summary");
        assertThat(OpenApiDocuments.firstDifference(
                        committed,
                        json("{\"paths\":{\"/api/v1/posts\":{\"get\":{\"summary\":\"List\",\"tags\":[\"a\"]}}},"
                                + "\"x~y\":1}")))
                .isEqualTo("/paths/~1api~1v1~1posts/get/tags/1");
        assertThat(OpenApiDocuments.firstDifference(
                        committed,
                        json("{\"paths\":{\"/api/v1/posts\":{\"get\":{"
                                + "\"summary\":\"List\",\"tags\":[\"a\",\"b\"]}}},\"x~y\":1,\"extra\":true}")))
                .isEqualTo("/extra");
        assertThat(OpenApiDocuments.firstDifference(committed, json("{\"paths\":{}, \"x~y\":1}")))
                .isEqualTo("/paths/~1api~1v1~1posts");
        assertThat(OpenApiDocuments.firstDifference(
                        committed,
                        json("{\"paths\":{\"/api/v1/posts\":{\"get\":{"
                                + "\"summary\":\"List\",\"tags\":[\"a\",\"b\"]}}},\"x~y\":\"1\"}")))
                .isEqualTo("/x~0y");
        assertThat(OpenApiDocuments.describe(committed, "/paths/~1api~1v1~1posts/get/tags"))
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(OpenApiDocuments.describe(committed, "/nothing")).isEqualTo("(absent)");
    }
}
