package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Dependency and plugin versions are managed in the root POM only; module POMs name artifacts, not versions. */
class BuildHygieneTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void modulePomsDeclareNoDependencyOrPluginVersions() throws Exception {
        List<Path> poms;
        try (Stream<Path> walk = Files.walk(ROOT, 3)) {
            poms = walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.equals(ROOT.resolve("pom.xml")))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
        assertThat(poms).hasSizeGreaterThanOrEqualTo(12);
        List<String> offenders = new ArrayList<>();
        for (Path pom : poms) {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            for (String tag : List.of("dependency", "plugin")) {
                NodeList nodes = doc.getElementsByTagName(tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element e = (Element) nodes.item(i);
                    String version = childText(e, "version");
                    if (version != null && !version.equals("${project.version}")) {
                        offenders.add(ROOT.relativize(pom) + ": " + childText(e, "artifactId") + " " + version);
                    }
                }
            }
        }
        assertThat(offenders).as("versions belong in the root pom.xml").isEmpty();
    }

    static String childText(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }
}
