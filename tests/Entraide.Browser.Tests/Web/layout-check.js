// What a person would see as a broken layout, measured in the page (getBoundingClientRect):
// the page scrolling sideways, an element reaching past the viewport, visible text or controls drawn over
// each other, and a checkbox or radio button not on the line of its label. Hidden elements and elements
// positioned on purpose (absolute, fixed, sticky: skip links, the timeline's dots) are left out.
() => {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const styleCache = new Map();
  const style = e => { let s = styleCache.get(e); if (!s) { s = getComputedStyle(e); styleCache.set(e, s); } return s; };
  const skipCache = new Map();
  const skipped = el => {
    if (!el || el === document.documentElement) return false;
    if (skipCache.has(el)) return skipCache.get(el);
    const s = style(el);
    const own = s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0' || s.position === 'absolute'
      || s.position === 'fixed' || s.position === 'sticky' || el.classList.contains('visually-hidden')
      || el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'OPTION';
    const r = own || skipped(el.parentElement);
    skipCache.set(el, r);
    return r;
  };
  // An ancestor that scrolls or clips its content: what is inside may extend past the viewport on purpose.
  const clipper = el => {
    for (let e = el.parentElement; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const s = style(e);
      if (s.overflowX !== 'visible') return e;
    }
    return null;
  };
  const name = el => {
    let n = el.tagName.toLowerCase();
    if (el.id) n += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) n += '.' + el.className.trim().split(/\s+/).join('.');
    const t = el.getAttribute('data-testid');
    if (t) n += `[data-testid=${t}]`;
    return n;
  };
  const px = v => Math.round(v);

  const width = document.documentElement.scrollWidth;
  if (width > vw + 1) problems.push(`the page scrolls sideways: ${width}px of content in a ${vw}px viewport`);

  let overflowing = 0;
  for (const el of document.body.querySelectorAll('*')) {
    if (skipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (clipper(el)) continue;
    if (r.right > vw + 1 || r.left < -1) {
      if (overflowing++ < 8) problems.push(`${name(el)} reaches past the viewport (${px(r.left)}–${px(r.right)} of ${vw}px)`);
    }
  }

  // The boxes a person reads or uses: each line of visible text, and each control.
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // Text inside a control is part of the control's box, counted below.
    if (!n.nodeValue.trim() || skipped(n.parentElement) || n.parentElement.closest('select, textarea, button')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      boxes.push({ r, node: n, what: `"${n.nodeValue.trim().slice(0, 40)}" in ${name(n.parentElement)}` });
    }
  }
  for (const el of document.body.querySelectorAll('input:not([type=hidden]), select, textarea, button, img')) {
    if (skipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    boxes.push({ r, node: el, what: name(el) });
  }
  boxes.sort((a, b) => a.r.top - b.r.top);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom; j++) {
      const b = boxes[j];
      if (a.node === b.node || a.node.contains(b.node) || b.node.contains(a.node)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      // Tall scripts (Arabic, CJK) let one line's glyph box reach into the next: only a real overlap counts.
      if (w > 3 && h > Math.max(3, 0.3 * Math.min(a.r.height, b.r.height))) {
        if (overlaps++ < 8) problems.push(`${a.what} overlaps ${b.what}`);
      }
    }
  }

  // A checkbox or radio button sits on the first line of its label's text, before it.
  for (const box of document.body.querySelectorAll('label > input[type=checkbox], label > input[type=radio]')) {
    if (skipped(box)) continue;
    const b = box.getBoundingClientRect();
    if (b.width === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(box.parentElement);
    range.setStartAfter(box);
    const first = [...range.getClientRects()].find(r => r.width > 1);
    if (!first) continue;
    const middle = (b.top + b.bottom) / 2;
    if (middle < first.top - 2 || middle > first.bottom + 2) {
      problems.push(`${name(box)}[value=${box.value}] is not on the line of its label "${box.parentElement.textContent.trim().slice(0, 40)}"`);
    }
  }
  return problems;
}
