import type { Locator } from '@playwright/test';

/**
 * On how many lines each occurrence of `text` inside the element is laid out (1: whole on one
 * line; 2 or more: broken). The text may run across several text nodes (a `<wbr>` between them).
 */
export function linesOf(element: Locator, text: string): Promise<number[]> {
  return element.evaluate((root, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const all = nodes.map((node) => node.data).join('');
    // Where the n-th character of the joined text is: its node and the offset in it.
    const at = (index: number): [Text, number] => {
      let rest = index;
      for (const node of nodes) {
        if (rest <= node.data.length) return [node, rest];
        rest -= node.data.length;
      }
      throw new Error('past the end');
    };
    const counts: number[] = [];
    for (let start = all.indexOf(wanted); start !== -1; start = all.indexOf(wanted, start + 1)) {
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + wanted.length));
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      counts.push(tops.size);
    }
    return counts;
  }, text);
}
