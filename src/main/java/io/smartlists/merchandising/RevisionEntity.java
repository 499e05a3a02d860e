package io.smartlists.merchandising;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One saved change: who, when, what, and the whole configuration after it (to restore). */
@Entity
@Table(name = "SL_CONFIG_REVISION")
class RevisionEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "ID")
  private @Nullable Long id;

  @Column(name = "AUTHOR", nullable = false, length = 100)
  private String author = "";

  @Column(name = "CHANGED_AT", nullable = false)
  private Instant changedAt = Instant.EPOCH;

  @Column(name = "SUMMARY", nullable = false, length = 500)
  private String summary = "";

  @Column(name = "SNAPSHOT", nullable = false, columnDefinition = "TEXT")
  private String snapshot = "";

  protected RevisionEntity() {}

  RevisionEntity(String author, Instant changedAt, String summary, String snapshot) {
    this.author = author;
    this.changedAt = changedAt;
    this.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
    this.snapshot = snapshot;
  }

  long id() {
    if (id == null) {
      throw new IllegalStateException("not saved yet");
    }
    return id;
  }

  String author() {
    return author;
  }

  Instant changedAt() {
    return changedAt;
  }

  String summary() {
    return summary;
  }

  String snapshot() {
    return snapshot;
  }
}
