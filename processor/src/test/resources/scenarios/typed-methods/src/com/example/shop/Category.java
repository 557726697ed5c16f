package com.example.shop;

public enum Category { FOOD, TOOLS }
