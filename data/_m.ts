import { readFileSync } from 'node:fs';
import { words, hashOf, RUN_LENGTH } from './originality';
const fp = JSON.parse(readFileSync('data/research-fingerprint.json','utf8'));
const runs = new Set<string>(fp.runs);
const plans = JSON.parse(readFileSync('data/plans.json','utf8'));
const national = JSON.parse(readFileSync('data/national.json','utf8'));
const texts: [string,string][] = [];
for (const p of plans) { for (const i of p.items) texts.push([i.id,i.text]); for (const f of p.figures) texts.push([f.id, `${f.label} ${f.value}`]); if (p.gaps) texts.push([p.region+'-gaps',p.gaps]); }
for (const n of national) texts.push([n.id,n.text]);
let c=0;
for (const [id,t] of texts) {
  const w = words(t); const hits:string[]=[];
  for (let i=0;i+RUN_LENGTH<=w.length;i++){ const r=w.slice(i,i+RUN_LENGTH).join(' '); if(runs.has(hashOf(r))) hits.push(r); }
  if (hits.length) { c++; console.log(`${id}\t${t}\n    >> ${hits.join(' | ')}`); }
}
console.log('count', c);
