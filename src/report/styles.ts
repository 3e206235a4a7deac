/** The one stylesheet of every report page: calm, readable, print-friendly. */
export const REPORT_CSS = `
:root{--ink:#1f2430;--muted:#5b6472;--line:#d9dde3;--bg:#fbfbf9;--card:#fff;--accent:#2f5d8a;
--neg:#f6d1cc;--neg-ink:#8a2a1c;--pos:#d5ecd4;--pos-ink:#24623a;--neu:#e6e3f3;--neu-ink:#4b3f8a;--att:#2f5d8a;--prov:#7a4c00}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",sans-serif}
body{margin:0 auto;max-width:1180px;padding:24px 28px 64px}
a{color:var(--accent)}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .6rem}
h2{font-size:1.15rem;margin:2.2rem 0 .7rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .4rem}
.muted{color:var(--muted)}
.small{font-size:.86rem}
.meta{display:flex;flex-wrap:wrap;gap:.4rem 1rem;color:var(--muted);font-size:.92rem;margin-bottom:.6rem}
.badge,.chip{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.8rem;border:1px solid var(--line);background:#fff;white-space:nowrap}
.badge.state,.chip.state{background:#fff3e0;border-color:#e8b56a;color:#6b3d00}
.chip.kind{font-variant:small-caps;color:var(--muted)}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;margin:.4rem 0}
.summary{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--accent);padding:.8rem 1rem;border-radius:6px;margin:1rem 0}
.scores{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.7rem;margin:1rem 0}
.score{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.score b{display:block;font-size:1.35rem}
.score span{display:block;font-size:.82rem;color:var(--muted)}
.layout{display:grid;grid-template-columns:minmax(0,1.35fr) minmax(0,1fr);gap:2rem}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
.article{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem 1.3rem;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem;line-height:1.7}
.article .b-headline{font-size:1.3rem;font-weight:bold;font-family:system-ui,sans-serif;line-height:1.35}
.article .b-dek,.article .b-caption,.article .b-credit,.article .b-byline,.article .b-dateline{font-size:.92rem;color:var(--muted);font-style:italic}
.article p{margin:0 0 .9rem}
.blocklabel{font:600 .68rem system-ui,sans-serif;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);margin-right:.4rem}
.q{border-radius:3px;padding:.05rem 0}
.q.scare{background:none;border-bottom:1px dotted var(--muted)}
.hl{border-radius:3px;padding:0 .08rem;cursor:help;outline-offset:1px}
.hl:focus{outline:2px solid var(--accent)}
.hl.pol-negative{background:var(--neg);color:var(--neg-ink)}
.hl.pol-positive{background:var(--pos);color:var(--pos-ink)}
.hl.pol-neutral{background:var(--neu);color:var(--neu-ink)}
.hl.an-attribution{background:transparent;color:inherit;box-shadow:inset 0 -2px 0 var(--att)}
.hl.an-provenance{background:transparent;color:inherit;box-shadow:inset 0 -2px 0 var(--prov)}
.hl.v-headline,.hl.v-narration{font-weight:600}
.hl.v-quoted,.hl.v-reported{border-bottom:2px dashed currentColor}
.hl.v-scare{border-bottom:2px dotted currentColor}
.s0{background:#e3eef9}.s1{background:#fdf0d5}.s2{background:#e6f4ea}.s3{background:#f3e5f5}.s4{background:#e0f2f1}.s5{background:#fce4ec}.s6{background:#eceff1}.s7{background:#fff8e1}.sx{background:#eeeeee}
.legend{display:flex;flex-wrap:wrap;gap:.35rem 1rem;font-size:.84rem;margin:.5rem 0 1rem;align-items:center}
.legend .sw{display:inline-block;min-width:1.6rem;padding:0 .3rem;margin-right:.3rem;border-radius:3px;text-align:center}
.tip{position:absolute;z-index:10;max-width:360px;background:#1f2430;color:#fff;font:13px/1.45 system-ui,sans-serif;padding:.55rem .7rem;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.2);pointer-events:none}
.tip[hidden]{display:none}
.tip dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:0}
.tip dt{color:#b8c2d3}
.tip dd{margin:0;word-break:break-word}
.chart{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.7rem .8rem;margin-bottom:1rem}
.chart h3{margin-top:0}
.chart .box{position:relative;height:240px}
.chart .box.tall{height:360px}
.chart .box.short{height:150px}
.chart p{margin:.3rem 0 0}
details{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:1rem 0}
details summary{cursor:pointer;color:var(--muted)}
details li{font-size:.9rem;word-break:break-word}
table{border-collapse:collapse;width:100%;font-size:.9rem;background:var(--card)}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
table.wrap td{overflow-wrap:break-word}
#articles td:first-child{min-width:20rem}
#articles td:nth-child(3){white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button{all:unset;cursor:pointer;font-weight:600}
th button:focus{outline:2px solid var(--accent)}
th[aria-sort=ascending] button::after{content:" ▲";font-size:.7em}
th[aria-sort=descending] button::after{content:" ▼";font-size:.7em}
.tablewrap{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
.tools{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.5rem 0}
.tools input,.tools select{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:4px;background:#fff}
.ci{color:var(--muted);font-size:.8rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:.7rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.card h4{margin:0 0 .3rem;font-size:.92rem}
.card ol,.card ul{margin:0;padding-left:1.2rem;font-size:.88rem}
.lbl-own{font-weight:600}
.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:1rem}
button.more{font:inherit;padding:.35rem .9rem;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
footer{margin-top:3rem;color:var(--muted);font-size:.82rem}
@media print{.tip,.tools{display:none}body{max-width:none}}
`;
