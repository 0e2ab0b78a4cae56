import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';

/** Components the MDX components map provides; lessons use these and nothing else. */
export const LESSON_COMPONENTS = ['Exercise', 'Callout', 'Figure', 'PhaseLoop', 'MaturityLadder', 'FlightsByMonth'] as const;

export interface MdxHeading {
  depth: number;
  text: string;
  /** The `id` the heading gets in the page, for the table of contents. */
  slug: string;
}

export interface MdxAnalysis {
  headings: MdxHeading[];
  /** `id` of every `<Exercise>`, in document order (`null` where the id is missing). */
  exerciseIds: Array<string | null>;
  /** Names of every JSX component used. */
  components: string[];
  /** `import` / `export` statements: lessons must not have any. */
  esm: string[];
}

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  depth?: number;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
}

/**
 * Parses lesson MDX (without running it) and lists its headings, exercises and components.
 *
 * @throws Error with `line:column` when the MDX does not parse.
 */
export function analyzeLessonMdx(source: string): MdxAnalysis {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(source) as Node;
  const result: MdxAnalysis = { headings: [], exerciseIds: [], components: [], esm: [] };
  const slugs = new SlugCounter();
  walk(tree, (node) => {
    if (node.type === 'heading' && node.depth !== undefined) {
      const text = plainText(node);
      result.headings.push({ depth: node.depth, text, slug: slugs.next(text) });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      result.components.push(node.name);
      if (node.name === 'Exercise') {
        const idAttr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
        result.exerciseIds.push(typeof idAttr?.value === 'string' ? idAttr.value : null);
      }
    } else if (node.type === 'mdxjsEsm') {
      result.esm.push(node.value ?? '');
    }
  });
  return result;
}

/** Remark plugin: gives every heading the same `id` that `analyzeLessonMdx` reports. */
export function remarkHeadingIds() {
  return (tree: unknown) => {
    const slugs = new SlugCounter();
    walk(tree as Node, (node) => {
      if (node.type !== 'heading') return;
      const data = ((node as { data?: Record<string, unknown> }).data ??= {});
      data.hProperties = { ...(data.hProperties as object | undefined), id: slugs.next(plainText(node)) };
    });
  };
}

/** URL-safe slug of a heading: lower-case words joined by dashes, unique per document. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

class SlugCounter {
  private used = new Map<string, number>();
  next(text: string): string {
    const base = slugify(text);
    const n = this.used.get(base) ?? 0;
    this.used.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  }
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  node.children?.forEach((child) => walk(child, visit));
}

function plainText(node: Node): string {
  if (typeof node.value === 'string' && node.type !== 'mdxjsEsm') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/**
 * Rehype plugin: drops whitespace-only text between table elements. The HTML parser moves
 * such text out of a table, so leaving it in breaks React hydration of the lesson page.
 */
export function rehypeTableWhitespace() {
  return (tree: unknown) => {
    walk(tree as Node, (node) => {
      const el = node as Node & { tagName?: string };
      if (el.type !== 'element' || !el.tagName || !TABLE_PARTS.has(el.tagName) || !el.children) return;
      el.children = el.children.filter((child) => !(child.type === 'text' && !child.value?.trim()));
    });
  };
}
