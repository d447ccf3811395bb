package vn.motcua.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The control pages speak Vietnamese and English: every text they use exists in both, and nothing else. */
class ControlMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(ControlMessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyKeyOfTheControlPagesIsInBothLanguages() throws IOException {
        Properties vi = load("messages-control.properties");
        Properties en = load("messages-control_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(vi.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{(ctl\\.[A-Za-z0-9]+)|\"(flash\\.control\\.[A-Za-z]+)\"");
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/control")),
                Files.list(Path.of("src/main/java/vn/motcua/control/web")))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(vi.stringPropertyNames()).containsAll(used);
        assertThat(vi.getProperty("ctl.title")).isEqualTo("Kiểm soát thủ tục hành chính");
    }
}
