/**
 * Generated benchmark pages: news-like paragraphs about provincial plans, in our own words.
 * Sentences with names alternate with plain ones, for about one highlighted name per 15 words,
 * the density of a dense regional-economy article.
 */

const PLAIN = [
  'The committee met twice during the month to review the draft and its targets.',
  'Officials said the plan would be revised after a round of public consultation.',
  'Several agencies promised faster approvals for private investment next year.',
  'The report also discussed housing, schools, hospitals and pensions in some detail.',
  'Observers expect the final text to be adopted at the annual legislative session.',
  'Local media said the document runs to more than one hundred pages in all.',
];

const NAMED = [
  'Officials in Zhejiang said Hangzhou would add computing power for large models next year.',
  'Guangdong plans more support for humanoid robots and integrated circuits in Shenzhen.',
  'The low-altitude economy featured in Sichuan planning documents, with drone routes near Chengdu.',
  'Inner Mongolia expects Baotou to capture more value from rare earths and green hydrogen.',
  'Analysts compared the growth targets of Jiangsu and Anhui with the national average.',
  'Local media reported that the committee met twice during the month to review the draft.',
  'Shanghai wants biomanufacturing and commercial aerospace to become new pillar industries.',
  'Several cities promised faster approvals for private investment and better services for firms.',
  'Hainan is preparing its free trade port for wider opening, and Haikou expects more shipping.',
  'Economists warned that duplicated investment in the same frontier sectors could waste money.',
  'The report from Henan listed new energy vehicles and modern logistics around Zhengzhou.',
  'Fujian promotes the marine economy and offshore wind power near Xiamen and Fuzhou.',
];

function paragraph(seed: number, words: number): string {
  const parts: string[] = [];
  let count = 0;
  let i = seed;
  while (count < words) {
    const s = (i % 3 === 0 ? NAMED[i % NAMED.length] : PLAIN[i % PLAIN.length]) as string;
    parts.push(s);
    count += s.split(' ').length;
    i += 7;
  }
  return parts.join(' ');
}

/** An article page of about `words` words, in paragraphs of ~60-120 words with some links. */
export function generateArticle(words: number, title: string): string {
  const paras: string[] = [];
  let total = 0;
  let n = 0;
  while (total < words) {
    const size = 60 + ((n * 37) % 61);
    let text = paragraph(n, size);
    if (n % 5 === 0) text = text.replace('Shanghai', '<a href="#s">Shanghai</a>');
    if (n % 10 === 0) paras.push(`<h2>Section ${n / 10 + 1}</h2>`);
    paras.push(`<p>${text}</p>`);
    total += text.split(' ').length;
    n++;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${title}</h1>
${paras.join('\n')}
</article></main><footer>Benchmark page</footer></body></html>`;
}
