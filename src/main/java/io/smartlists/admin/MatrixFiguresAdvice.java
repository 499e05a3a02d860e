package io.smartlists.admin;

import io.smartlists.stats.StatsFigures;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the journey matrix its figures: each cell's slots show the last 30 days' CTR and attributed
 * revenue of their list at that stage and placement, and each cell its total, so the merchant sees
 * which list earns at which stage. The model attribute {@code cellFigures} maps {@code
 * PLACEMENT|STAGE|LIST} and {@code PLACEMENT|STAGE} to a {@link StatsFigures.Row}.
 */
@ControllerAdvice(assignableTypes = MatrixController.class)
public final class MatrixFiguresAdvice {

  /** The matrix's window. */
  static final int DAYS = 30;

  private final StatsFigures figures;

  MatrixFiguresAdvice(StatsFigures figures) {
    this.figures = figures;
  }

  @ModelAttribute("cellFigures")
  Map<String, StatsFigures.Row> cellFigures(HttpServletRequest request) {
    Map<String, StatsFigures.Row> byKey = new HashMap<>();
    if (!"GET".equals(request.getMethod())) {
      return byKey;
    }
    StatsFigures.Report report =
        figures.report(figures.today().minusDays(DAYS - 1L), figures.today());
    Map<String, long[]> cells = new HashMap<>();
    Map<String, java.math.BigDecimal> cellRevenue = new HashMap<>();
    for (StatsFigures.Row row : report.rows()) {
      String cell = row.key().placement() + "|" + row.key().stage();
      byKey.put(cell + "|" + row.key().list(), row);
      long[] c = cells.computeIfAbsent(cell, k -> new long[4]);
      c[0] += row.impressions();
      c[1] += row.clicks();
      c[2] += row.cartAdds();
      c[3] += row.attributedOrders();
      cellRevenue.merge(cell, row.attributedRevenue(), java.math.BigDecimal::add);
    }
    for (Map.Entry<String, long[]> e : cells.entrySet()) {
      String[] parts = e.getKey().split("\\|");
      long[] c = e.getValue();
      byKey.put(
          e.getKey(),
          new StatsFigures.Row(
              new io.smartlists.stats.Attribution.SlotKey(parts[0], parts[1], ""),
              c[0],
              c[1],
              c[2],
              c[3],
              cellRevenue.getOrDefault(e.getKey(), java.math.BigDecimal.ZERO)));
    }
    return byKey;
  }
}
