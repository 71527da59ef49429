"""The one table printer of the commands and benchmarks: columns padded to their widest cell,
two spaces apart, a rule of dashes under the header."""

from __future__ import annotations


def format_table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A plain-text table. align has one letter a column, "l" or "r" (numbers read best to the
    right); a column it does not reach is aligned left."""
    if any(len(row) != len(header) for row in rows):
        raise ValueError(f"every row needs {len(header)} cells: {rows}")
    widths = [max(len(str(row[n])) for row in [header, *rows]) for n in range(len(header))]

    def line(cells) -> str:
        padded = [
            str(cell).rjust(width) if align[n:n + 1] == "r" else str(cell).ljust(width)
            for n, (cell, width) in enumerate(zip(cells, widths))
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), "  ".join("-" * width for width in widths), *map(line, rows)])
