/**
 * DOM reads a page cannot redirect. Named elements shadow DOM properties: a `<form>` whose controls
 * are named `parentNode`, `tagName` or `nextElementSibling` answers those properties with the controls
 * (in every world, content scripts included: it is the DOM's own named getter), and `<img name=title>`
 * does the same to `document.title` in the page's world. Reading through the accessor or method the
 * prototypes define skips them. Works on any DOM (browser, Xray-wrapped, linkedom): the prototypes are
 * found from the object itself, never from globals.
 */

type Accessor = (this: unknown, ...args: unknown[]) => unknown;

/** Per prototype: each property's getter or method, found once (null: none on the chain). */
const found = new WeakMap<object, Map<string, Accessor | null>>();

function lookup(target: object, name: string): Accessor | null {
  const proto = Object.getPrototypeOf(target) as object | null;
  if (proto === null) return null;
  let byName = found.get(proto);
  if (!byName) {
    byName = new Map();
    found.set(proto, byName);
  }
  let accessor = byName.get(name);
  if (accessor === undefined) {
    accessor = null;
    for (let p: object | null = proto; p !== null; p = Object.getPrototypeOf(p) as object | null) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (!d) continue;
      accessor = (d.get ?? (typeof d.value === 'function' ? d.value : null)) as Accessor | null;
      break;
    }
    byName.set(name, accessor);
  }
  return accessor;
}

/** `target[name]` as the prototypes define it (the getter), whatever the page's elements are named. */
export function domGet<T>(target: object, name: string): T {
  const get = lookup(target, name);
  return (get ? get.call(target) : (target as Record<string, unknown>)[name]) as T;
}

/** `target[name](...args)` with the prototypes' method. */
export function domCall<T>(target: object, name: string, ...args: unknown[]): T {
  const method = lookup(target, name);
  if (!method) throw new TypeError(`no DOM method ${name}`);
  return method.apply(target, args) as T;
}

/**
 * Removes the names that let a document's elements shadow DOM properties, in a copy Readability will
 * walk (its loops read `parentNode`, `nextElementSibling`, `getAttribute`… on every element): `name`
 * and `id` of everything inside a form or tied to one (`form=`), and `name` of the elements that name
 * properties of the document. Never call it on the live page: it changes attributes.
 */
export function unshadowCopy(copy: Document): void {
  const named = domCall<NodeListOf<Element>>(
    copy,
    'querySelectorAll',
    'form, form [name], form [id], [form], img[name], iframe[name], embed, object, frame[name]',
  );
  for (let i = 0; i < named.length; i++) {
    const el = named[i]!;
    domCall(el, 'removeAttribute', 'name');
    if (domGet<string>(el, 'localName') !== 'form') domCall(el, 'removeAttribute', 'id');
  }
}
