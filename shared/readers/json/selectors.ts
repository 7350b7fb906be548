/** Which values of a JSON file a scan selects: paths of keys, as a tree walked while scanning. */

/** A path of keys, `*` standing for every element of an array: `['chats', 'list', '*']`. */
export type JsonPath = readonly string[];

export interface PathNode {
  children: Map<string, PathNode>;
  /** The node for every element, when the value here is an array. */
  star: PathNode | null;
  /** The selector that ends here. */
  selector: number | null;
}

export function buildPaths(select: readonly JsonPath[]): PathNode {
  const root: PathNode = { children: new Map(), star: null, selector: null };
  select.forEach((path, selector) => {
    let node = root;
    for (const part of path) {
      let next = part === '*' ? node.star : node.children.get(part);
      if (!next) {
        next = { children: new Map(), star: null, selector: null };
        if (part === '*') node.star = next;
        else node.children.set(part, next);
      }
      node = next;
    }
    node.selector = selector;
  });
  return root;
}
