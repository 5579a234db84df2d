package io.fahuo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.fahuo.orders.Orders.Cursor;
import io.fahuo.shared.InvalidRequestException;

class PageCursorTest {

    @Test
    void pageCursorsSurviveTheUrl() {
        Cursor withDeadline = new Cursor(Instant.ofEpochMilli(1_732_345_678_000L), 42);
        assertThat(PageCursor.format(withDeadline)).isEqualTo("1732345678000_42");
        assertThat(PageCursor.parse("1732345678000_42")).isEqualTo(withDeadline);
        assertThat(PageCursor.parse("n_7")).isEqualTo(new Cursor(null, 7));
        assertThat(PageCursor.format(new Cursor(null, 7))).isEqualTo("n_7");
        assertThat(PageCursor.parse("")).isNull();
        assertThatThrownBy(() -> PageCursor.parse("x_1")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PageCursor.parse("12345")).isInstanceOf(InvalidRequestException.class);
    }
}
