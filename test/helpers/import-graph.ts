// The source's import graph, as the compiler reads it: every static import, export-from, dynamic import(), and every
// `new URL('./x.js', import.meta.url)` (a worker or a file the module loads by path: an arrow too).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = join(dir, e.name);
    if (e.isDirectory()) return sources(abs);
    return /\.(ts|tsx|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [abs] : [];
  });
}

/** A specifier ("../x.js") to the source file it names, relative to src/ ("main/x.ts"); null outside src/. */
function target(from: string, spec: string, files: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec).replace(/\.(c?js)$/, '');
  for (const ext of ['.ts', '.tsx', '.cts'])
    if (files.has(base + ext))
      return relative(SRC, base + ext)
        .split('\\')
        .join('/');
  return null;
}

/** A module's specifiers: what it loads when it runs (value), and what it names only for its types. */
function specifiers(file: string, text: string): { value: string[]; type: string[] } {
  const value: string[] = [];
  const type: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      (typeOnly ? type : value).push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      (node.isTypeOnly ? type : value).push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      value.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      type.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const m of text.matchAll(/new URL\(\s*'(\.[^']+)'\s*,\s*import\.meta\.url\s*\)/g)) value.push(m[1]!);
  return { value, type };
}

export interface ImportGraph {
  /** file (relative to src/, '/'-separated) → every file it imports, types included. */
  all: Map<string, Set<string>>;
  /** …only those it loads when it runs (no `import type`): what a cycle is about. */
  value: Map<string, Set<string>>;
}

export function importGraph(): ImportGraph {
  const files = sources(SRC);
  const known = new Set(files);
  const all = new Map<string, Set<string>>();
  const value = new Map<string, Set<string>>();
  for (const file of files) {
    const specs = specifiers(file, readFileSync(file, 'utf8'));
    const resolveAll = (list: string[]) =>
      new Set(list.map((s) => target(file, s, known)).filter((t): t is string => t !== null));
    const key = relative(SRC, file).split('\\').join('/');
    value.set(key, resolveAll(specs.value));
    all.set(key, resolveAll([...specs.value, ...specs.type]));
  }
  return { all, value };
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.has(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
