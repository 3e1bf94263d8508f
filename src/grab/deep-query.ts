/**
 * `querySelectorAll` that also looks inside open shadow roots (web components hide their `<img>` and
 * `<canvas>` from `document.querySelectorAll`). Closed shadow roots stay closed; the screenshot still
 * shows what they draw.
 */
export function deepQueryAll<E extends Element = Element>(
  root: ParentNode,
  selector: string,
  maxHosts = 2000,
): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  let hosts = 0;
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      const shadow = element.shadowRoot;
      if (!shadow || ++hosts > maxHosts) continue;
      found.push(...shadow.querySelectorAll<E>(selector));
      walk(shadow);
    }
  };
  walk(root);
  return found;
}
