package com.example.books;

import java.time.LocalDate;
import java.util.List;

public record Book(String isbn, String title, List<String> authors, LocalDate published, Shelf shelf) {}
