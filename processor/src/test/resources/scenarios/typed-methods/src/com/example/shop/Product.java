package com.example.shop;

import java.util.List;
import java.util.Optional;

public record Product(long id, String name, Category category, List<String> tags, Optional<String> note) {}
