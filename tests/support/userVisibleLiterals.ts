/**
 * Finds words a person would see or hear that are written into a component instead of going
 * through the message catalogs (shared/src/i18n): JSX text, string literals in the attributes
 * people read (aria-label, title, placeholder, alt, label …), strings shown as a JSX child or
 * attribute through a condition (`{busy ? 'Saving…' : 'Save'}`), and strings handed straight to
 * the announcer or an error/notice setter. A string with no letter (a symbol, "·", "%") passes,
 * and so does the product name.
 *
 * One file:  node tests/support/userVisibleLiterals.ts client/src/join/JoinPage.tsx
 * Each hit prints as `file:line: "text"`, so an editor jumps to it.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  text: string;
}

const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'submitLabel',
]);
const SPEAKING_CALLS = new Set([
  'say',
  'setError',
  'setNotice',
  'setMessage',
  'setPosted',
  'setStatus',
  'setProblem',
  'alert',
  'confirm',
]);
const ALLOWED = new Set(['Costudio']);

function isWords(text: string): boolean {
  const trimmed = text.trim();
  return /\p{L}/u.test(trimmed) && !ALLOWED.has(trimmed);
}

/** The literal strings an expression can evaluate to directly (through ?:, &&, ||, ??, parentheses). */
function shownStrings(node: ts.Node, out: ts.Node[] = []): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) out.push(node);
  else if (ts.isParenthesizedExpression(node)) shownStrings(node.expression, out);
  else if (ts.isConditionalExpression(node)) {
    shownStrings(node.whenTrue, out);
    shownStrings(node.whenFalse, out);
  } else if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) shownStrings(node.right, out);
    else if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      shownStrings(node.left, out);
      shownStrings(node.right, out);
    } else if (op === ts.SyntaxKind.PlusToken) {
      shownStrings(node.left, out);
      shownStrings(node.right, out);
    }
  }
  return out;
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
  return node.getText();
}

export function findLiteralsInSource(source: string, file: string): Literal[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!isWords(text)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ file, line: line + 1, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sourceFile)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) for (const shown of shownStrings(value)) report(shown, literalText(shown));
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const shown of shownStrings(node.expression)) report(shown, literalText(shown));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const first = node.arguments[0];
      if (SPEAKING_CALLS.has(name) && first) for (const shown of shownStrings(first)) report(shown, literalText(shown));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

export function findUserVisibleLiterals(file: string): Literal[] {
  return findLiteralsInSource(readFileSync(file, 'utf8'), file);
}

export function formatLiteral(literal: Literal): string {
  return `${literal.file}:${literal.line}: "${literal.text}"`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hits = process.argv.slice(2).flatMap(findUserVisibleLiterals);
  for (const hit of hits) console.log(formatLiteral(hit));
  process.exit(hits.length > 0 ? 1 : 0);
}
