// The shared runner for cases ported from Kubernetes' own validation tables. Each case names the upstream test
// function and case it comes from. Upstream tables often assert only the ErrorType and field of each error (they
// ignore BadValue and Detail); such cases leave `body` out, and a case sets it where validation.go makes the text
// certain. `contains` mirrors upstream tables that assert a fragment of the aggregated message.
import assert from 'node:assert/strict';
import { validateCreate } from '../../../../../../src/engine/apiserver/validation';
import { errorString, type ErrorType } from '../../../../../../src/engine/k8s/field-error';
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../../src/engine/version/kube-version';

// Validation of a v1.34 API server, whose rules these tables follow.
const V34: KubeVersion = { minor: 34 };

export interface Expect {
  field: string;
  type: ErrorType;
  body?: string;
}

export interface TableCase {
  /** `<TestName> "<case name>"` in the upstream file. */
  upstream: string;
  obj: KubeObject;
  want: Expect[];
  /** A fragment the aggregated message must contain, as the upstream case asserts. */
  contains?: string;
}

export function runTable(file: string, cases: TableCase[]): void {
  describe(`${file} (ported)`, () => {
    for (const c of cases) {
      it(c.upstream, () => {
        const errs = validateCreate(c.obj, V34);
        const got = errs.map((e, i) => {
          const w = c.want[i];
          return w?.body === undefined
            ? { field: e.field, type: e.type }
            : { field: e.field, type: e.type, body: e.body };
        });
        assert.deepStrictEqual(got, c.want);
        if (c.contains) assert.ok(errs.map(errorString).join(', ').includes(c.contains), c.contains);
      });
    }
  });
}

/** One Required/Invalid/... expectation without its text. */
export const e = (field: string, type: ErrorType, body?: string): Expect =>
  body === undefined ? { field, type } : { field, type, body };
