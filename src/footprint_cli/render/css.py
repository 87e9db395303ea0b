"""The print stylesheet shared by the HTML pages (the comparison sheet and the report).

Each page appends its own rules after :data:`BASE_CSS`; a later rule of the same selector
overrides the base (the sheet's body text is 10.5 pt, the report's 10 pt).
"""

BASE_CSS = """
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a;
       line-height: 1.35; margin: 0 auto; padding: 10mm; max-width: 210mm; }
h1 { font-size: 17pt; margin: 0 0 2pt 0; }
h2 { border-bottom: 1.5pt solid #2e7d32; padding-bottom: 1pt; }
p.sub { color: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 2pt 5pt; border-bottom: 0.5pt solid #ddd; vertical-align: top; text-align: left; }
th { background: #f1f5f1; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul { margin: 2pt 0 0 0; padding-left: 14pt; }
footer { font-size: 7.5pt; color: #666; }
figure { margin: 4pt 0; }
@media print {
  body { padding: 0; max-width: none; }
  h2, table, figure { break-inside: avoid; }
}
"""
