package com.example.shop;

import java.util.List;

/** A bean, as older code has them: read through its setters. */
public class NewProduct {
  private String name;
  private Category category;
  private List<String> tags = List.of();
  private String note;
  private boolean draft;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Category getCategory() { return category; }
  public void setCategory(Category category) { this.category = category; }
  public List<String> getTags() { return tags; }
  public void setTags(List<String> tags) { this.tags = tags; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public boolean isDraft() { return draft; }
  public void setDraft(boolean draft) { this.draft = draft; }

  public String name() { return name; }
  public Category category() { return category; }
  public List<String> tags() { return tags; }
  public String note() { return note; }
}
