package org.moviestream.query;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;

/** Renders rows as an aligned text table, the way cqlsh prints them. */
public final class ResultTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public ResultTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Reads every row of a driver result set into a table. */
  public static ResultTable of(ResultSet resultSet) {
    ColumnDefinitions columns = resultSet.getColumnDefinitions();
    List<String> names = new ArrayList<>();
    for (ColumnDefinition column : columns) {
      names.add(column.getName().asInternal());
    }
    ResultTable table = new ResultTable(names);
    for (Row row : resultSet) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        // Driver 4 reads a timestamp as an Instant, printed ISO-8601 (2025-03-13T19:26:50.863Z).
        cells.add(String.valueOf(row.getObject(i)));
      }
      table.add(cells);
    }
    return table;
  }

  public ResultTable add(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " cells, got " + cells.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** The table as text: header, a rule, the rows, and a "(N rows)" footer. */
  public String render() {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, header, widths);
    for (int c = 0; c < widths.length; c++) {
      out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.append('\n');
    for (List<String> row : rows) {
      appendLine(out, row, widths);
    }
    out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      out.append(c == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[c] - cell.length()));
    }
    out.append('\n');
  }
}
