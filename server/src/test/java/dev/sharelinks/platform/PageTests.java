package dev.sharelinks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTests {

    @Test
    void pagesKnowTheirNeighbours() {
        var middle = new Page<>(List.of(), 45, 2, 20);
        assertThat(middle.lastPage()).isEqualTo(3);
        assertThat(middle.previous()).isEqualTo(1);
        assertThat(middle.next()).isEqualTo(3);
        var empty = new Page<>(List.of(), 0, 1, 20);
        assertThat(empty.lastPage()).isEqualTo(1);
        assertThat(empty.previous()).isNull();
        assertThat(empty.next()).isNull();
    }

    @Test
    void aPageBeyondTheLastHasNoNextAndPointsBackToTheLast() {
        var beyond = new Page<>(List.of(), 45, 7, 20);
        assertThat(beyond.next()).isNull();
        assertThat(beyond.previous()).isEqualTo(3);
    }
}
