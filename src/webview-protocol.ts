// The messages between the extension and the simulation webview. Both sides import this module (the webview
// script is bundled for the browser), so only types live here, and each side switches exhaustively on `type`.
import type { Finding, QuickFix, SimulationResult } from './engine/types';

/** The webview panel's type, used to revive it after a reload. */
export const PANEL_VIEW_TYPE = 'podLifecyclePreview';

/** A document of the file, listed so the user can switch the panel to another pod-creating document. */
export interface DocumentChoice {
  index: number;
  kind: string;
  name: string;
}

/** Everything the panel shows: one pod-creating document's result, or why there is none. */
export interface PanelModel {
  /** The manifest's URI, kept in the webview's state so a revived panel knows what to simulate. */
  uri: string;
  /** The file as the user knows it (workspace-relative). */
  file: string;
  /** The cluster simulated, with the Kubernetes release followed and why that one. */
  cluster: { source: string; nodes: number; kubernetesVersion: { minor: number; reason: string } };
  result: SimulationResult | null;
  /** Findings that belong to no pod-creating document (YAML syntax errors) or explain why there is no result. */
  fileFindings: Finding[];
  /** The other pod-creating documents of the file. */
  documents: DocumentChoice[];
}

export type ToWebview = { type: 'model'; model: PanelModel };

export type FromWebview =
  /** The script has loaded and wants the current model. */
  | { type: 'ready' }
  /** Show this place of the manifest in its editor (1-based, like the findings). */
  | { type: 'reveal'; line: number; column: number }
  /** Apply a finding's quick fix to the manifest; `line` (1-based) is inside the document it belongs to. */
  | { type: 'fix'; line: number; fix: QuickFix }
  /** Simulate another pod-creating document of the same file. */
  | { type: 'select'; documentIndex: number };

/** What the webview keeps with `setState`, and what the serializer receives to revive the panel. */
export interface WebviewState {
  uri: string;
  documentIndex: number | null;
  model: PanelModel | null;
  /** Sections the user opened (true) or closed (false); the others keep their default. */
  sections: Record<string, boolean>;
  /** Where the user had scrolled each document (`uri#index`), so switching documents does not carry it over. */
  scroll?: Record<string, number>;
  /** The node table shows every node instead of the first few. */
  allNodes?: boolean;
}

/** Fails to compile when a switch over a message union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
