/**
 * A trie keyed by whole word keys: one map lookup per word of text, which is
 * what keeps multi-pattern matching over thousands of names cheap. The first
 * value stored under a key sequence stays; callers insert in priority order.
 */
export interface TokenTrieNode<T> {
  next: Map<string, TokenTrieNode<T>> | undefined;
  value: T | undefined;
}

export class TokenTrie<T> {
  readonly root: TokenTrieNode<T> = { next: undefined, value: undefined };
  private size = 0;

  /** Stores `value` under `keys` unless a value is already there; returns whether it was stored. */
  insert(keys: readonly string[], value: T): boolean {
    let node = this.root;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = { next: undefined, value: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    if (node.value !== undefined) return false;
    node.value = value;
    this.size++;
    return true;
  }

  get(keys: readonly string[]): T | undefined {
    let node: TokenTrieNode<T> | undefined = this.root;
    for (const key of keys) node = node?.next?.get(key);
    return node?.value;
  }

  /** Number of key sequences stored. */
  get entries(): number {
    return this.size;
  }
}
