package io.smartlists.merchandising;

/** The cell has no slot at that index (the cell's version matched: it is not a concurrent edit). */
public final class SlotNotFoundException extends RuntimeException {

  public SlotNotFoundException(String cell, int index) {
    super("no slot " + index + " in " + cell);
  }
}
