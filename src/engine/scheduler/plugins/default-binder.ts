// DefaultBinder (Bind): POSTs pods/<name>/binding with target {kind: Node, name}; the API server sets spec.nodeName
// (pkg/scheduler/framework/plugins/defaultbinder/default_binder.go). Binding cannot fail offline.
import { definePlugin } from '../plugin';

export const defaultBinder = definePlugin({
  name: 'DefaultBinder',
  begin: () => ({ bind: () => null }),
});
