package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** docs/maven-plugin.md lists every parameter of the generated plugin descriptor, with its property and default. */
class PluginDocsTest {

    private static final Path DESCRIPTOR = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");
    private static final Path PAGE = Path.of("..", "docs", "maven-plugin.md");

    /** One user-settable parameter as the descriptor declares it. */
    record Declared(String name, String property, String defaultValue) {
    }

    static List<Declared> parameters() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Element mojo = (Element) xml.getElementsByTagName("mojo").item(0);
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        NodeList nodes = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
        List<Declared> declared = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element parameter = (Element) nodes.item(i);
            String name = text(parameter, "name");
            if (!Boolean.parseBoolean(text(parameter, "editable"))) {
                continue; // ${project}
            }
            Element value = (Element) configuration.getElementsByTagName(name).item(0);
            String expression = value == null ? "" : value.getTextContent();
            String property = expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : null;
            String defaultValue = value == null || !value.hasAttribute("default-value") ? null
                    : value.getAttribute("default-value");
            declared.add(new Declared(name, property, defaultValue));
        }
        return declared;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void should_list_every_parameter_with_its_property_and_default() throws Exception {
        // GIVEN the descriptor maven-plugin-plugin generated from the annotations
        List<Declared> declared = parameters();
        assertThat(declared).extracting(Declared::name).contains("skip", "locations", "rows", "failOn", "formats");
        // WHEN
        List<String> rows = Files.readAllLines(PAGE).stream().filter(line -> line.startsWith("| `")).toList();
        // THEN one row per parameter: | `name` | `rehearsal.name` | default … |
        for (Declared parameter : declared) {
            assertThat(parameter.property()).as("the user property of %s", parameter.name())
                    .isEqualTo("rehearsal." + parameter.name());
            String prefix = "| `" + parameter.name() + "` | `" + parameter.property() + "` | ";
            assertThat(rows).as("the row of %s in %s", parameter.name(), PAGE)
                    .anySatisfy(row -> {
                        assertThat(row).startsWith(prefix);
                        if (parameter.defaultValue() != null) {
                            assertThat(row.substring(prefix.length())).startsWith("`" + parameter.defaultValue() + "`");
                        }
                    });
        }
        assertThat(rows.stream().filter(row -> row.contains("| `rehearsal.")).count())
                .as("rows of parameters the plugin does not have").isEqualTo(declared.size());
    }
}
