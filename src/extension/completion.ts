// Field-name completion from the Kubernetes OpenAPI schema: the keys the mapping under the cursor accepts, each
// with its type and documentation.
import * as vscode from 'vscode';
import { completeKey } from '../engine/manifest/complete-key';
import { type Analyzer, isManifestCandidate, looksLikeKubernetes } from './analyzer';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }];

export function registerCompletion(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(SELECTOR, {
    provideCompletionItems(doc, position) {
      if (!isManifestCandidate(doc)) return [];
      const text = doc.getText();
      if (!looksLikeKubernetes(text)) return [];
      const version = analyzer.cluster().kubernetesVersion;
      const found = completeKey(text, doc.uri.path, doc.offsetAt(position), version);
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
