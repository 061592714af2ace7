/** The HTML report's stylesheet: readable on screen, printed on A4 with a page per major section. */
export const REPORT_CSS = `
:root { --ink: #1c2024; --muted: #60666f; --line: #dfe3e8; --soft: #f4f6f8; --accent: #3b5bdb; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; color: var(--ink);
  font: 10.5pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
}
h1 { font-size: 26pt; line-height: 1.15; margin: 0 0 4mm; }
h2 { font-size: 16pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid var(--ink); }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; }
h4, h5, h6 { font-size: 11pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.report-section { margin-top: 12mm; }
.contents ol { padding-left: 9mm; line-height: 1.7; }
.budget-table { margin-bottom: 6mm; }
.budget-table caption { text-align: left; font-weight: 600; margin-bottom: 1mm; }
.budget-table tbody th, .budget-table tfoot th { background: none; }
.budget-table tbody th { font-weight: 500; }
.budget-table tfoot th, .budget-table tfoot td { font-weight: 600; border-top: 2px solid currentColor; }
.title-page { min-height: 240mm; display: flex; flex-direction: column; }
.title-page__eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: var(--muted); margin-bottom: 30mm; }
.title-page__template { font-size: 13pt; color: var(--muted); margin-bottom: 1mm; }
.title-page__field { font-size: 15pt; margin-bottom: 10mm; }
.facts { display: grid; grid-template-columns: 42mm 1fr; gap: 1.5mm 6mm; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.counts { display: flex; gap: 4mm; margin-top: auto; padding-top: 12mm; }
.count { flex: 1; border: 1px solid var(--line); border-radius: 3mm; padding: 3mm 4mm; }
.count__n { font-size: 20pt; font-weight: 700; display: block; }
.count__label { color: var(--muted); font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: 1.4mm 2mm; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.num div { white-space: normal; }
tr, .activity, figure, .vote { break-inside: avoid; }
.bars { display: grid; grid-template-columns: 40mm 1fr 12mm; gap: 1.2mm 3mm; align-items: center; margin: 2mm 0 4mm; }
.bar { height: 4mm; background: var(--soft); border-radius: 1mm; overflow: hidden; display: flex; }
.bar > span { display: block; height: 100%; }
.bar__total { text-align: right; font-variant-numeric: tabular-nums; }
.activity { border: 1px solid var(--line); border-radius: 3mm; padding: 3mm 4mm; margin: 0 0 4mm; }
.activity__head { display: flex; gap: 3mm; align-items: baseline; }
.activity__rank { flex: none; min-width: 9mm; text-align: center; font-weight: 700; background: var(--ink); color: #fff; border-radius: 2mm; padding: .5mm 1.5mm; }
.activity__rank--none { background: var(--soft); color: var(--muted); }
.activity h3 { margin: 0; }
.activity__meta { color: var(--muted); font-size: 9pt; margin: 1mm 0 2mm; }
.activity__grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; }
.activity ul { margin: 0; padding-left: 5mm; }
.opportunities-table, .capacities-table { table-layout: fixed; }
.opportunities-table th:nth-child(1) { width: 40%; }
.opportunities-table th:nth-child(2), .opportunities-table th:nth-child(3) { width: 18%; }
.capacities-table th:nth-child(1) { width: 32%; }
.capacities-table th:nth-child(2) { width: 15%; }
.capacities-table th:nth-child(3) { width: 10%; }
.actions-table th:first-child { width: 30%; }
.actions-table th:nth-child(2) { width: 16%; }
.activity__label { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 2mm 0 .5mm; }
.chips { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 1.2mm; }
.chips li { background: var(--soft); border-radius: 1.5mm; padding: .4mm 1.8mm; font-size: 9pt; }
.chips li.removed { text-decoration: line-through; color: var(--muted); }
.status { display: inline-block; border-radius: 1.5mm; padding: 0 1.6mm; font-size: 8.5pt; font-weight: 600; border: 1px solid var(--line); }
.status--selected { background: #d3f9d8; border-color: #b2f2bb; }
.status--parked { background: #f1f3f5; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 2mm 5mm; list-style: none; padding: 0; margin: 1mm 0 3mm; font-size: 9pt; }
.legend i { display: inline-block; width: 3mm; height: 3mm; border-radius: .8mm; margin-right: 1.2mm; vertical-align: -.3mm; }
.vote { margin-bottom: 6mm; }
.vote .bars { grid-template-columns: 55mm 1fr 12mm; }
.split { grid-column: 2 / 4; font-size: 8.5pt; color: var(--muted); margin-top: -.8mm; }
figure { margin: 2mm 0 4mm; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin-top: 1mm; }
.multiples { display: grid; grid-template-columns: repeat(2, 1fr); gap: 3mm; }
.multiples figure { border: 1px solid var(--line); border-radius: 3mm; padding: 2mm; }
.rich p:last-child { margin-bottom: 0; }
.rich ul, .rich ol { margin: 0 0 2mm; padding-left: 6mm; }
.rich blockquote { margin: 0 0 2mm; padding-left: 3mm; border-left: 2px solid var(--line); color: var(--muted); }
.answer { white-space: pre-line; }
.answer-texts { padding-left: 5mm; margin: 0 0 3mm; }
.answers-table caption { text-align: left; font-weight: 600; margin-bottom: 1mm; }
.answers-table th[scope=row] { background: none; font-weight: 500; width: 45%; }
.answers-table tr.sum-up th, .answers-table tr.sum-up td { font-weight: 600; background: var(--soft); }
.question, .summary-text { break-inside: avoid; margin-bottom: 4mm; }
.manager { border-top: 1px solid var(--line); padding-top: 2mm; margin-top: 5mm; }
.sum-ups { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 3mm 0; }
.sum-ups__cell { border: 1px solid var(--line); border-radius: 2mm; padding: 2mm 3mm; }
footer { margin-top: 12mm; font-size: 8.5pt; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  .report-section { margin-top: 0; break-before: page; }
  .title-page { min-height: 255mm; }
  .contents { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`;
