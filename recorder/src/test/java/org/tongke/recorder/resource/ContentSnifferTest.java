package org.tongke.recorder.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.testing.Documents;

class ContentSnifferTest {
    @TempDir
    Path dir;

    @Test
    void tellsEachAcceptedTypeByItsContentWhateverItsName() throws Exception {
        assertThat(ContentSniffer.sniff(file("a.docx", Documents.pdf()))).isEqualTo(ResourceType.PDF);
        assertThat(ContentSniffer.sniff(file("b.pdf", Documents.pptx()))).isEqualTo(ResourceType.PPTX);
        assertThat(ContentSniffer.sniff(file("c", Documents.docx()))).isEqualTo(ResourceType.DOCX);
        assertThat(ContentSniffer.sniff(file("d.jpg", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})))
                .isEqualTo(ResourceType.PNG);
        assertThat(ContentSniffer.sniff(file("e.png", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})))
                .isEqualTo(ResourceType.JPEG);
    }

    @Test
    void refusesAnythingElseSayingWhatIsAccepted() throws Exception {
        Path exe = file("setup.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0});
        Path empty = file("empty.pdf", new byte[0]);
        Path zip = file("x.docx", Documents.zipOfText());

        assertThatThrownBy(() -> ContentSniffer.sniff(exe)).isInstanceOfSatisfying(ResourceRejected.class, e -> {
            assertThat(e.status()).isEqualTo(415);
            assertThat(e.getMessage()).endsWith("PDF, PowerPoint (.pptx), Word (.docx), PNG or JPEG files");
        });
        assertThatThrownBy(() -> ContentSniffer.sniff(empty)).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> ContentSniffer.sniff(zip)).hasMessageContaining("neither a PowerPoint nor a Word file");
    }

    @Test
    void keepsAStoredNameInsideItsFolderWithTheSniffedExtension() {
        assertThat(ResourceIntake.storedName("../../导学单 第1课.PDF", ResourceType.PDF)).isEqualTo("导学单_第1课.pdf");
        assertThat(ResourceIntake.storedName("..\\evil.exe", ResourceType.PNG)).isEqualTo("evil.png");
        assertThat(ResourceIntake.storedName(".hidden", ResourceType.DOCX)).isEqualTo("file.hidden.docx");
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
