package dev.billpay.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a cursor list, fetched a page at a time as the iteration reaches it: the first page when
 * iteration starts, the next with {@code starting_after} set to the page's {@code next_cursor} while
 * {@code has_more}. Each iteration (or stream) starts again from the first page.
 */
public final class Paginated<T> implements Iterable<T> {
  /** One page: its items, and where the next one starts. */
  public record Page<T>(List<T> data, boolean hasMore, String nextCursor) {}

  private final Function<String, Page<T>> fetch;

  /** @param fetch the page after a cursor (null: the first page) */
  public Paginated(Function<String, Page<T>> fetch) {
    this.fetch = fetch;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Page<T> page;
      private int index;

      @Override
      public boolean hasNext() {
        if (page == null) {
          page = fetch.apply(null);
        }
        while (index >= page.data().size() && page.hasMore() && page.nextCursor() != null) {
          page = fetch.apply(page.nextCursor());
          index = 0;
        }
        return index < page.data().size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.data().get(index++);
      }
    };
  }

  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
