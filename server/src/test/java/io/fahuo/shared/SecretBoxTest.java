package io.fahuo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fahuo.shared.crypto.DataKey;
import io.fahuo.shared.crypto.SecretBox;

class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void sealsAndOpensWithinTheSameContext() {
        SecretBox box = new SecretBox(DataKey.load(null, dir));
        String sealed = box.seal("张三 13812341234 文三路478号", "tenant:1");
        assertThat(sealed).startsWith("v1:").doesNotContain("张三");
        assertThat(box.open(sealed, "tenant:1")).isEqualTo("张三 13812341234 文三路478号");
        assertThat(box.seal("x", "tenant:1")).isNotEqualTo(box.seal("x", "tenant:1"));
    }

    @Test
    void refusesAnotherTenantsCiphertext() {
        SecretBox box = new SecretBox(DataKey.load(null, dir));
        String sealed = box.seal("secret", "tenant:1");
        assertThatThrownBy(() -> box.open(sealed, "tenant:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyIsGeneratedOnceAndReused() throws Exception {
        SecretBox first = new SecretBox(DataKey.load(null, dir));
        String sealed = first.seal("kept", "c");
        assertThat(Files.readString(dir.resolve("fahuo.key")).strip()).hasSize(44);
        assertThat(new SecretBox(DataKey.load(null, dir)).open(sealed, "c")).isEqualTo("kept");
    }

    @Test
    void rejectsABadKeyFromTheEnvironment() {
        assertThatThrownBy(() -> DataKey.load("c2hvcnQ=", dir)).hasMessageContaining("32 bytes");
    }
}
