package io.smartlists.merchandising;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/** One (placement, stage) cell of the journey matrix and its ordered slots. */
@Entity
@Table(name = "SL_CELL")
class CellEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "ID")
  private @Nullable Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "PLACEMENT", nullable = false, length = 40)
  private Placement placement = Placement.PRODUCT_PAGE;

  @Enumerated(EnumType.STRING)
  @Column(name = "STAGE", nullable = false, length = 40)
  private JourneyStage stage = JourneyStage.ACQUISITION;

  /** Optimistic lock: two administrators saving the same cell do not overwrite each other. */
  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  @Column(name = "UPDATED_BY", length = 100)
  private @Nullable String updatedBy;

  @Column(name = "UPDATED_AT")
  private @Nullable Instant updatedAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "CELL_ID", nullable = false)
  @OrderColumn(name = "SLOT_ORDER")
  @BatchSize(size = 64)
  private List<SlotEntity> slots = new ArrayList<>();

  protected CellEntity() {}

  CellEntity(Placement placement, JourneyStage stage) {
    this.placement = placement;
    this.stage = stage;
  }

  Placement placement() {
    return placement;
  }

  JourneyStage stage() {
    return stage;
  }

  long version() {
    return version;
  }

  List<SlotEntity> slots() {
    return slots;
  }

  /** Marks the cell changed, so its version increases even when only a slot's fields changed. */
  void touch(String author, Instant at) {
    this.updatedBy = author;
    this.updatedAt = at;
  }

  @Nullable String updatedBy() {
    return updatedBy;
  }

  @Nullable Instant updatedAt() {
    return updatedAt;
  }
}
