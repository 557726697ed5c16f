package com.example.books;

public enum Shelf { FICTION, SCIENCE, HISTORY }
