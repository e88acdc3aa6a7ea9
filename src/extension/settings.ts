// The only place that knows the extension's setting names (package.json `contributes.configuration`).
import * as vscode from 'vscode';

const SECTION = 'podLifecyclePreview';

const config = () => vscode.workspace.getConfiguration(SECTION);

/** Path of the user's cluster snapshot, as written in the setting; empty means the embedded cluster. */
export function clusterSnapshot(): string {
  return config().get<string>('clusterSnapshot', '').trim();
}

/** Path of a file of image facts (tags, configs, file lists); empty means none. */
export function imageFacts(): string {
  return config().get<string>('imageFacts', '').trim();
}

/** `auto` or the release asked for (`1.35`); the engine refuses one it cannot simulate. */
export function kubernetesVersion(): string {
  return config().get<string>('kubernetesVersion', 'auto').trim() || 'auto';
}

/** Namespace for manifests that do not set `metadata.namespace`. */
export function namespace(): string {
  return config().get<string>('namespace', 'default').trim() || 'default';
}

export function diagnosticsEnabled(): boolean {
  return config().get<boolean>('diagnostics.enabled', true);
}

/** Show what the simulation assumes (a tag exists, an unlisted object exists) as problems too. */
export function assumptionsAsProblems(): boolean {
  return config().get<boolean>('assumptions.showAsProblems', false);
}

/** Delay after the last edit before a manifest is simulated again. */
export function debounceMs(): number {
  const ms = config().get<number>('diagnostics.debounceMs', 300);
  return Number.isFinite(ms) && ms >= 0 ? ms : 300;
}

export const changed = {
  clusterSnapshot: (e: vscode.ConfigurationChangeEvent) => e.affectsConfiguration(`${SECTION}.clusterSnapshot`),
  imageFacts: (e: vscode.ConfigurationChangeEvent) => e.affectsConfiguration(`${SECTION}.imageFacts`),
  kubernetesVersion: (e: vscode.ConfigurationChangeEvent) => e.affectsConfiguration(`${SECTION}.kubernetesVersion`),
  namespace: (e: vscode.ConfigurationChangeEvent) => e.affectsConfiguration(`${SECTION}.namespace`),
  diagnosticsEnabled: (e: vscode.ConfigurationChangeEvent) =>
    e.affectsConfiguration(`${SECTION}.diagnostics.enabled`) ||
    e.affectsConfiguration(`${SECTION}.assumptions.showAsProblems`),
};
