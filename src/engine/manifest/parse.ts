import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import { goYamlTags } from './go-yaml-tags';
import type { KubeObject } from '../k8s/objects';
import type { Finding, Segment } from '../types';
import { duplicateKeys } from './duplicate-keys';

export interface ManifestDocument {
  index: number;
  /** The document as kubectl decodes it, or null when it is empty, not a mapping, or has syntax errors. */
  object: KubeObject | null;
  doc: Document.Parsed;
  /** Offsets of the document's text: [start, end). */
  range: [number, number];
  /** Mapping keys written twice, as paths. */
  duplicateFields: Segment[][];
  /** This document's syntax and structure errors. */
  findings: Finding[];
}

export interface ParsedManifest {
  file: string;
  text: string;
  documents: ManifestDocument[];
  /** YAML syntax errors and structural problems, with line and column. */
  findings: Finding[];
  lineCounter: LineCounter;
}

/**
 * Parses a YAML or JSON manifest the way kubectl reads it: a stream of documents, YAML 1.1 scalars (kubectl's
 * YAML decoder resolves `yes`/`on` as booleans and `0644` as octal; go-yaml-tags.ts says where it differs), every
 * node keeping its source range. `firstLine` is the line the text starts on when it is a part of a file (lines in
 * messages count from it).
 */
export function parseManifest(text: string, file: string, firstLine = 1): ParsedManifest {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    customTags: goYamlTags,
    uniqueKeys: false,
    prettyErrors: false,
  });
  // Lines are counted on the text itself: the parser's own counter stops where its lexer gives up (at a NUL byte,
  // say), and every later position would land on the wrong line.
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  const lineCounter = firstLine === 1 ? counter : shiftedLines(counter, firstLine - 1);
  const documents: ManifestDocument[] = [];
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    const range: [number, number] = [doc.range[0], doc.range[2]];
    const errors = doc.errors;
    // kubectl stops at a document's first YAML error; its text goes on the first finding.
    const kubectl =
      errors.map((e) => kubectlYamlError(text, file, e.code, e.pos[0], lineCounter)).find((k) => k) ?? null;
    const flat = lostIndentation(text.slice(range[0], range[1]));
    const findings = firstAtEachPosition(errors).map((e, i) =>
      syntaxFinding(text, e.message, e.pos, lineCounter, i === 0 ? kubectl : null, i === 0 && flat),
    );
    let object: KubeObject | null = null;
    if (errors.length === 0 && doc.contents !== null) {
      const value = documentValue(doc);
      const js = value.ok ? value.value : null;
      if (!value.ok) findings.push(structureFinding(value.message, doc.range, lineCounter));
      else if (js !== null && typeof js === 'object' && !Array.isArray(js)) object = js as KubeObject;
      else if (js !== null && js !== undefined)
        findings.push(
          structureFinding(
            'a Kubernetes object must be a mapping (apiVersion, kind, metadata, ...)',
            doc.range,
            lineCounter,
          ),
        );
    }
    documents.push({ index, object, doc, range, duplicateFields: object ? duplicateKeys(doc) : [], findings });
  });
  return { file, text, documents, findings: documents.flatMap((d) => d.findings), lineCounter };
}

/** The same line starts, with every line number `delta` further down. */
function shiftedLines(counter: LineCounter, delta: number): LineCounter {
  const shifted = new LineCounter();
  for (const start of counter.lineStarts) shifted.addNewLine(start);
  const linePos = shifted.linePos;
  shifted.linePos = (offset: number) => {
    const p = linePos(offset);
    return { line: p.line + delta, col: p.col };
  };
  return shifted;
}

/**
 * A document's value. Building it can still fail after a clean parse: a merge key (`<<`) whose value is not a
 * mapping, or more aliases than the limit that stops "billion laughs" documents.
 */
export function documentValue(doc: Document): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    return { ok: false, message: `YAML error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The `yaml` library reports several errors for one mistake; the first at each position is the one to show. */
function firstAtEachPosition<T extends { pos: [number, number] }>(errors: readonly T[]): T[] {
  const seen = new Set<number>();
  return errors.filter((e) => !seen.has(e.pos[0]) && seen.add(e.pos[0]) !== undefined);
}

/**
 * What kubectl prints for the one YAML mistake whose libyaml wording is certain: a `- ` list item where a
 * mapping key belongs (the seed article's pod.yaml). libyaml's parser reports it as "did not find expected key"
 * and go-yaml prints a parser error's 0-based line, so kubectl names the line above the `-`
 * (sigs.k8s.io/yaml → go-yaml v2 `parser.fail`). Other mistakes keep only the `yaml` library's wording.
 */
function kubectlYamlError(text: string, file: string, code: string, offset: number, lc: LineCounter): string | null {
  const blockSeqInMap = [
    'MULTILINE_IMPLICIT_KEY',
    'UNEXPECTED_TOKEN',
    'MISSING_CHAR',
    'BLOCK_AS_IMPLICIT_KEY',
  ].includes(code);
  if (!blockSeqInMap || !/^-(\s|$)/.test(text.slice(offset, offset + 2))) return null;
  const goLine = lc.linePos(offset).line - 1;
  const where = goLine > 0 ? `line ${goLine}: ` : '';
  return `error: error parsing ${file}: error converting YAML to JSON: yaml: ${where}did not find expected key`;
}

/**
 * Every line of the document starts at column 1 although it holds a block sequence (`- name: ...`): the
 * indentation was most likely lost on the way (copied from a page that strips leading spaces).
 */
function lostIndentation(document: string): boolean {
  const lines = document.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#') && l !== '---');
  return lines.length >= 3 && lines.every((l) => !/^\s/.test(l)) && lines.some((l) => /^-(\s|$)/.test(l));
}

function syntaxFinding(
  text: string,
  message: string,
  pos: [number, number],
  lc: LineCounter,
  kubectl: string | null,
  flat: boolean,
): Finding {
  // The library appends " at line L, column C:" and a code excerpt; the position is carried separately.
  const at = / at line \d+, column \d+/.exec(message);
  const short = at ? message.slice(0, at.index) : message;
  // An error at the end of the text (an unclosed quote) is placed on its last character, not past it.
  const size = text.length;
  const start = lc.linePos(Math.min(pos[0], size));
  // The whole offending line is marked, not one character: the mistake is the line's place in the structure.
  const lineEnd = text.indexOf('\n', pos[0]);
  const end = lc.linePos(Math.min(Math.max(pos[1], lineEnd < 0 ? size : lineEnd, pos[0] + 1), size));
  const hint = flat
    ? '; every line starts at column 1, so the indentation looks lost (nested fields such as containers must be indented under their parent)'
    : '';
  return {
    severity: 'error',
    code: 'YAMLSyntax',
    stage: 'manifest',
    path: '',
    segments: [],
    message: `YAML syntax error: ${short} (line ${start.line}, column ${start.col})${hint}${kubectl ? `; kubectl prints: ${kubectl}` : ''}`,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    start: pos[0],
    end: Math.max(pos[1], pos[0] + 1),
  };
}

function structureFinding(message: string, range: readonly number[], lc: LineCounter): Finding {
  const start = lc.linePos(range[0] ?? 0);
  const end = lc.linePos(range[1] ?? 0);
  return {
    severity: 'error',
    code: 'InvalidManifest',
    stage: 'manifest',
    path: '',
    segments: [],
    message,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    start: range[0] ?? 0,
    end: range[1] ?? 0,
  };
}
