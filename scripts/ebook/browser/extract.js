// Runs inside a built page in Chromium (sent as text by scripts/ebook/extract.ts, so it
// has no imports and is plain JavaScript). It checks the rendered page, rewrites links for
// the book, and returns two copies of the content: HTML for the PDF and XHTML for the EPUB.
async (args) => {
  const root = document.querySelector(args.selector);
  if (!root) return {problems: [{kind: 'content', detail: args.selector}]};

  // What the exporter cannot render: elements the browser does not know, images that do
  // not load, diagrams that did not draw.
  const problems = [];
  const images = [...root.querySelectorAll('img')];
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  for (const img of images) {
    if (!img.complete || img.naturalWidth === 0) problems.push({kind: 'image', detail: img.getAttribute('src') ?? ''});
  }
  for (const el of root.querySelectorAll('*')) {
    const unknown = el instanceof HTMLUnknownElement || (el.localName.includes('-') && !customElements.get(el.localName) && el.namespaceURI === 'http://www.w3.org/1999/xhtml');
    if (unknown) problems.push({kind: 'element', detail: el.localName});
  }
  for (const box of root.querySelectorAll('.docusaurus-mermaid-container')) {
    if (!box.querySelector('svg')) problems.push({kind: 'diagram', detail: (box.textContent ?? '').trim().slice(0, 60)});
  }
  if (problems.length > 0) return {problems};

  // Diagrams (Mermaid, the lineage diagram): standalone SVG with the page's styles inlined,
  // so they stay vector in the PDF and can be rasterised for the EPUB.
  const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'color', 'display', 'visibility'];
  const HTML_PROPS = ['font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'white-space', 'color', 'text-align', 'display'];
  const diagramSvgs = [...root.querySelectorAll('svg')].filter((svg) => svg.closest('.docusaurus-mermaid-container') || svg.getBoundingClientRect().width > 120);
  const diagrams = diagramSvgs.map((svg) => {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox?.baseVal;
    const width = vb && vb.width ? vb.width : box.width;
    const height = vb && vb.height ? vb.height : box.height;
    const copy = svg.cloneNode(true);
    const from = [svg, ...svg.querySelectorAll('*')];
    const to = [copy, ...copy.querySelectorAll('*')];
    from.forEach((el, i) => {
      // Labels inside foreignObject are HTML that inherited the page's fonts; outside the
      // page they would fall back to other fonts of other widths and be clipped.
      const props = el.namespaceURI === 'http://www.w3.org/2000/svg' ? STYLE_PROPS : HTML_PROPS;
      const style = getComputedStyle(el);
      const inline = props.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
      to[i].setAttribute('style', `${inline};${to[i].getAttribute('style') ?? ''}`);
    });
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    // The page's language picks the fonts behind `sans-serif` (Noto CJK for zh-Hans);
    // without it the labels would be set in wider fonts than Mermaid measured.
    copy.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', document.documentElement.lang);
    copy.setAttribute('lang', document.documentElement.lang);
    copy.setAttribute('width', String(Math.ceil(width)));
    copy.setAttribute('height', String(Math.ceil(height)));
    copy.removeAttribute('class');
    copy.style.maxWidth = '';
    return {svg: new XMLSerializer().serializeToString(copy), width: Math.ceil(width), height: Math.ceil(height), shown: Math.ceil(box.width)};
  });
  diagramSvgs.forEach((svg, i) => {
    // The diagram's own box (Mermaid's container, the timeline's scroll area) goes with it.
    const box = svg.closest('.docusaurus-mermaid-container') ?? (svg.parentElement?.children.length === 1 ? svg.parentElement : svg);
    const holder = box === root ? svg : box;
    const mark = document.createElement('ebook-diagram');
    mark.setAttribute('data-index', String(i));
    holder.replaceWith(mark);
  });

  // Links: chapters and the appendix become places inside the book, the rest of the site
  // becomes its public URL.
  for (const a of root.querySelectorAll('a[href]')) {
    const url = new URL(a.getAttribute('href'), location.href);
    if (url.origin !== location.origin) continue;
    const path = decodeURI(url.pathname).replace(/\.html$/, '').replace(/\/$/, '');
    const hash = decodeURIComponent(url.hash.slice(1));
    if (path === args.appendixPath) a.setAttribute('data-ebook-target', `appendix#${hash}`);
    else if (path in args.chapters) a.setAttribute('data-ebook-target', `chapter/${args.chapters[path]}#${hash}`);
    else a.setAttribute('href', `${args.publicOrigin}${url.pathname}${url.search}${url.hash}`);
  }

  for (const el of root.querySelectorAll('.hash-link, button, .theme-code-block-highlighted-line-marker, fieldset, [role="status"]')) el.remove();
  // A section left with nothing but its heading (the timeline's filters) goes too.
  for (const section of root.querySelectorAll('section')) {
    const rest = [...section.children].filter((child) => !/^H[1-6]$/.test(child.tagName));
    if (rest.every((child) => !child.textContent.trim() && !child.querySelector('img, ebook-diagram'))) section.remove();
  }

  const targetHref = (target, format) => {
    const [where, hash] = target.split('#');
    if (format === 'pdf') {
      const prefix = where === 'appendix' ? 'a' : `c${where.slice('chapter/'.length)}`;
      return hash ? `#${prefix}-${hash}` : `#${prefix}`;
    }
    const file = where === 'appendix' ? 'appendix.xhtml' : `chapter-${where.slice('chapter/'.length)}.xhtml`;
    return hash ? `${file}#${hash}` : file;
  };

  // The PDF copy: one document for the whole book, so ids get the chapter's prefix.
  const pdf = root.cloneNode(true);
  for (const el of pdf.querySelectorAll('[id]')) el.id = `${args.idPrefix}-${el.id}`;
  for (const a of pdf.querySelectorAll('[data-ebook-target]')) {
    a.setAttribute('href', targetHref(a.getAttribute('data-ebook-target'), 'pdf'));
    a.removeAttribute('data-ebook-target');
  }
  for (const mark of pdf.querySelectorAll('ebook-diagram')) {
    const d = diagrams[Number(mark.getAttribute('data-index'))];
    const img = document.createElement('img');
    img.className = 'ebook-diagram';
    img.alt = '';
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(d.svg)}`;
    img.style.width = `${d.shown}px`;
    mark.replaceWith(img);
  }

  // The EPUB copy: XHTML, math as MathML, diagrams and images as files of the package.
  const epub = root.cloneNode(true);
  for (const a of epub.querySelectorAll('[data-ebook-target]')) {
    a.setAttribute('href', targetHref(a.getAttribute('data-ebook-target'), 'epub'));
    a.removeAttribute('data-ebook-target');
  }
  for (const mark of epub.querySelectorAll('ebook-diagram')) {
    const img = document.createElement('img');
    img.className = 'ebook-diagram';
    img.alt = '图';
    img.src = `images/${args.idPrefix}-diagram-${mark.getAttribute('data-index')}.png`;
    mark.replaceWith(img);
  }
  // Code lines are <div>s inside <code>, which XHTML does not allow: make them <span>s.
  for (const line of epub.querySelectorAll('code div')) {
    const span = document.createElement('span');
    for (const attr of line.attributes) span.setAttribute(attr.name, attr.value);
    span.append(...line.childNodes);
    line.replaceWith(span);
  }
  for (const katex of epub.querySelectorAll('.katex')) {
    const math = katex.querySelector('math');
    if (math) katex.replaceWith(math);
  }
  for (const svg of epub.querySelectorAll('svg')) svg.remove();
  // Images become files of the package (`ebook-image:N` until the exporter names them);
  // an image from another site cannot be packaged (EPUB forbids remote images), so it
  // becomes a link to it.
  const imageUrls = [];
  for (const img of epub.querySelectorAll('img:not(.ebook-diagram)')) {
    const url = new URL(img.getAttribute('src'), location.href);
    if (url.origin !== location.origin && url.protocol !== 'data:') {
      const link = document.createElement('a');
      link.href = url.href;
      link.textContent = `［图片：${img.getAttribute('alt') || url.href}］`;
      img.replaceWith(link);
      continue;
    }
    let index = imageUrls.indexOf(url.href);
    if (index < 0) index = imageUrls.push(url.href) - 1;
    img.setAttribute('src', `ebook-image:${index}`);
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }
  const KEEP = new Set(['id', 'class', 'href', 'src', 'alt', 'title', 'style', 'colspan', 'rowspan', 'lang', 'start', 'open', 'type', 'checked', 'disabled', 'datetime']);
  for (const el of [epub, ...epub.querySelectorAll('*')]) {
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    for (const attr of [...el.attributes]) if (!KEEP.has(attr.name)) el.removeAttribute(attr.name);
  }

  const heading = root.querySelector('h1');
  return {
    problems: [],
    title: (heading?.textContent ?? '').trim(),
    pdfHtml: pdf.innerHTML,
    epubXhtml: [...epub.childNodes].map((n) => new XMLSerializer().serializeToString(n)).join(''),
    diagrams,
    imageUrls,
    stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href),
  };
}
