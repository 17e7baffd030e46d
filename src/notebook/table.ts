// Tables in the notebook: a nodejs-polars DataFrame shown as an HTML table (head and tail of long
// frames, like polars' own text form), with polars' text form as the text/plain part.
//
//   show_table(history_dataframe(progress.history));
import pl, { DataType } from "nodejs-polars";
import { display, escapeHtml } from "./display";
import type { HistoryRow } from "./progress";

/** Training history rows as a DataFrame: `epoch` (Int64) first, then each metric (Float64). */
export function history_dataframe(rows: HistoryRow[]): pl.DataFrame {
  const metrics = rows.length ? Object.keys(rows[0]).filter((key) => key !== "epoch") : [];
  return pl.DataFrame([
    pl.Series("epoch", rows.map((r) => r.epoch), pl.Int64),
    ...metrics.map((key) => pl.Series(key, rows.map((r) => r[key]), pl.Float64)),
  ]);
}

/** Shows a DataFrame: at most `max_rows` rows in HTML (first and last halves around a "…" row). */
export function show_table(df: pl.DataFrame, max_rows = 10): void {
  display({ "text/html": tableHtml(df, max_rows), "text/plain": df.toString() });
}

export function tableHtml(df: pl.DataFrame, max_rows = 10): string {
  const floatColumns = df.dtypes.map((t) => t.equals(pl.Float32) || t.equals(pl.Float64));
  const cell = (value: unknown, c: number) =>
    `<td>${escapeHtml(value === null ? "null" : formatValue(value, floatColumns[c]))}</td>`;
  const row = (values: unknown[]) => `<tr>${values.map(cell).join("")}</tr>`;
  const shown = df.height > max_rows
    ? [...df.head(Math.ceil(max_rows / 2)).rows().map(row),
      `<tr>${df.columns.map(() => "<td>…</td>").join("")}</tr>`,
      ...df.tail(Math.floor(max_rows / 2)).rows().map(row)]
    : df.rows().map(row);
  const header = df.columns.map((name, c) => `<th>${escapeHtml(name)}<br><small>${escapeHtml(dtypeName(df.dtypes[c]))}</small></th>`);
  return `<small>shape: (${df.height}, ${df.width})</small>\n<table>\n<thead><tr>${header.join("")}</tr></thead>\n` +
    `<tbody>\n${shown.join("\n")}\n</tbody>\n</table>`;
}

// Polars writes a whole float as 1.0, so floats here do too and read like the text table.
function formatValue(value: unknown, isFloat: boolean): string {
  return isFloat && typeof value === "number" && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** "i64", "f64", "str": the short names polars prints under column names. */
function dtypeName(dtype: DataType): string {
  const names: Record<string, string> = {
    Int8: "i8", Int16: "i16", Int32: "i32", Int64: "i64", UInt8: "u8", UInt16: "u16", UInt32: "u32", UInt64: "u64",
    Float32: "f32", Float64: "f64", Bool: "bool", Utf8: "str", String: "str",
  };
  const name = dtype.variant;
  return names[name] ?? name.toLowerCase();
}
