package com.example.books;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The domain: plain Java, no Lambda in sight. */
public final class Library {
  private final Map<String, Book> books = new ConcurrentHashMap<>();

  public Optional<Book> find(String isbn) {
    return Optional.ofNullable(books.get(isbn));
  }

  public List<Book> onShelf(Optional<Shelf> shelf, int limit) {
    return books.values().stream().filter(b -> shelf.map(s -> s == b.shelf()).orElse(true))
        .sorted(java.util.Comparator.comparing(Book::isbn)).limit(limit).toList();
  }

  /** False when the ISBN is taken. */
  public boolean add(Book book) {
    return books.putIfAbsent(book.isbn(), book) == null;
  }
}
