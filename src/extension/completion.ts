// Field-name completion from the Kubernetes OpenAPI schema: the keys the mapping under the cursor accepts, each
// with its type and documentation. The worker parses; this side only builds the items.
import * as vscode from 'vscode';
import { type Analyzer, isManifestCandidate, looksLikeKubernetes } from './analyzer';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }];

export function registerCompletion(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(SELECTOR, {
    async provideCompletionItems(doc, position) {
      if (!isManifestCandidate(doc) || !looksLikeKubernetes(doc.getText())) return [];
      const found = await analyzer.complete(doc, doc.offsetAt(position));
      if (!found) return [];
      const range = new vscode.Range(doc.positionAt(found.prefixStart), position);
      return found.items.map((f) => {
        const item = new vscode.CompletionItem(
          { label: f.name, description: f.typeLabel },
          vscode.CompletionItemKind.Field,
        );
        item.insertText = `${f.name}: `;
        item.range = range;
        item.documentation = new vscode.MarkdownString(f.documentation);
        return item;
      });
    },
  });
}
