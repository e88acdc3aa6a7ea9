// DefaultBinder (Bind): POSTs pods/<name>/binding with target {kind: Node, name}; the API server sets spec.nodeName
// (pkg/scheduler/framework/plugins/defaultbinder/default_binder.go). Binding cannot fail offline.
import type { Plugin } from '../plugin';

export const defaultBinder: Plugin = {
  name: 'DefaultBinder',
  begin: () => ({ bind: () => null }),
};
