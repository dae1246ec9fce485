/**
 * A DOM for reading web pages in a worker, which has none: parse5 parses the page as the HTML standard says (and
 * so as the browser's DOMParser does, scripting off), and the tree is built in linkedom, a DOM in plain
 * ECMAScript that Readability can walk. Nothing in it runs or loads. linkedom cannot sanitise (DOMPurify does not
 * work on it): what Readability keeps is sanitised on the page's own DOM (see article-reader.ts).
 */
import { DOMParser as LinkedomParser } from 'linkedom/worker';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { HtmlWindow } from '../../common/import/html-article';

type ParsedNode = DefaultTreeAdapterMap['node'];
type ParsedParent = DefaultTreeAdapterMap['parentNode'];

const htmlNamespace = 'http://www.w3.org/1999/xhtml';

/** The parts of linkedom's document and nodes the copy uses. */
interface BuiltNode {
  appendChild(node: BuiltNode): BuiltNode;
  remove(): void;
  setAttribute(name: string, value: string): void;
}
interface BuiltDocument extends BuiltNode {
  readonly documentElement: BuiltNode;
  createElement(name: string): BuiltNode;
  createElementNS(namespace: string, name: string): BuiltNode;
  createTextNode(text: string): BuiltNode;
  createComment(text: string): BuiltNode;
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}

function copyChildren(document: BuiltDocument, from: ParsedParent, to: BuiltNode): void {
  for (const child of from.childNodes as ParsedNode[]) {
    if (child.nodeName === '#text') to.appendChild(document.createTextNode((child as DefaultTreeAdapterMap['textNode']).value));
    else if (child.nodeName === '#comment') to.appendChild(document.createComment((child as DefaultTreeAdapterMap['commentNode']).data));
    else if ('tagName' in child) {
      const element = child.namespaceURI === htmlNamespace ? document.createElement(child.tagName) : document.createElementNS(child.namespaceURI, child.tagName);
      for (const attribute of child.attrs) {
        try {
          element.setAttribute(attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name, attribute.value);
        } catch {
          // A name the parser accepts from broken markup but a DOM method refuses: an attribute nothing reads.
        }
      }
      to.appendChild(element);
      // A template's content is no part of the document (the browser keeps it in a fragment aside): left out.
      if (child.tagName !== 'template') copyChildren(document, child, element);
    }
  }
}

/** The document's title as the standard gives it: the first title element's text, whitespace stripped and collapsed. */
function standardTitle(document: BuiltDocument): string {
  const title = document.getElementsByTagName('title')[0]?.textContent ?? '';
  return title.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

function parsePage(html: string): BuiltDocument {
  const document = new LinkedomParser().parseFromString('<!doctype html><html></html>', 'text/html') as unknown as BuiltDocument;
  document.documentElement.remove();
  copyChildren(document, parse(html, { scriptingEnabled: false }), document);
  Object.defineProperty(document, 'title', { get: () => standardTitle(document) });
  return document;
}

/** An HtmlWindow whose DOMParser works without the page's DOM: for readPage in a worker. */
export const workerHtmlWindow = {
  DOMParser: class {
    parseFromString(html: string): ReturnType<InstanceType<HtmlWindow['DOMParser']>['parseFromString']> {
      return parsePage(html) as unknown as ReturnType<InstanceType<HtmlWindow['DOMParser']>['parseFromString']>;
    }
  },
} satisfies HtmlWindow;
