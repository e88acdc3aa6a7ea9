import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../src/engine/analyze';
import { defaultCluster, loadImageFacts, withImages } from '../../../src/engine/cluster/load';
import type { Verdict } from '../../../src/engine/types';

// The verdict is the STATUS `kubectl get pods` settles on, not the pod phase: a container that cannot start keeps
// the pod Running and waits in CrashLoopBackOff, a tag that does not exist keeps it Pending in ImagePullBackOff
// (docs: /docs/concepts/workloads/pods/pod-lifecycle/#container-state-waiting, kubectl's printPod in
// pkg/printers/internalversion/printers.go, which prints the waiting reason, `Init:` for an init container).

const facts = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'image-facts.yaml'), 'utf8');
const cluster = withImages(defaultCluster(), loadImageFacts(facts, 'image-facts.yaml').catalog);

const pod = (spec: string, name = 'p') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

const cases: { name: string; manifest: string; want: Pick<Verdict, 'outcome' | 'state' | 'node'> }[] = [
  {
    name: 'a tag the repository does not have ends in ImagePullBackOff, although the phase stays Pending',
    manifest: pod('containers:\n  - name: web\n    image: nginx:1.27.33'),
    want: { outcome: 'will fail', state: 'ImagePullBackOff', node: 'worker-1' },
  },
  {
    name: 'a command the image lacks ends in CrashLoopBackOff, although the phase is Running',
    manifest: pod(
      'containers:\n  - name: app\n    image: gcr.io/distroless/static-debian12:nonroot\n    command: [sh, -c, "sleep 1d"]',
    ),
    want: { outcome: 'will fail', state: 'CrashLoopBackOff', node: 'worker-1' },
  },
  {
    name: 'an init container that cannot start is shown with the Init: prefix',
    manifest: pod(
      'initContainers:\n  - name: setup\n    image: gcr.io/distroless/static-debian12:nonroot\n    command: [sh]\ncontainers:\n  - name: web\n    image: nginx:1.27',
    ),
    want: { outcome: 'will fail', state: 'Init:CrashLoopBackOff', node: 'worker-1' },
  },
  {
    name: 'a known tag runs, with no assumption',
    manifest: pod('containers:\n  - name: web\n    image: nginx:1.27'),
    want: { outcome: 'running', node: 'worker-1' },
  },
  {
    name: 'an image no node and no fact knows runs, resting on the assumption that its tag exists',
    manifest: pod('containers:\n  - name: web\n    image: example.org/team/app:2'),
    want: { outcome: 'assumed', node: 'worker-1' },
  },
  {
    name: 'a request no node can hold leaves the pod Pending, unschedulable',
    manifest: pod(
      'containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: "64"',
    ),
    want: { outcome: 'unschedulable', node: null },
  },
  {
    name: 'a pod held by a scheduling gate shows SchedulingGated',
    manifest: pod('schedulingGates:\n  - name: example.com/quota\ncontainers:\n  - name: web\n    image: nginx:1.27'),
    want: { outcome: 'unschedulable', state: 'SchedulingGated', node: null },
  },
  {
    name: 'an invalid pod is rejected by the API server',
    manifest: pod('containers:\n  - name: Web\n    image: nginx:1.27'),
    want: { outcome: 'rejected', node: null },
  },
  {
    name: 'a container that exits 0 under restartPolicy Never completes',
    manifest: pod('restartPolicy: Never\ncontainers:\n  - name: job\n    image: nginx:1.27\n    command: ["true"]'),
    want: { outcome: 'completed', node: 'worker-1' },
  },
];

describe('verdictOf', () => {
  for (const c of cases)
    it(c.name, () => {
      const [r] = analyzeText(c.manifest, 'pod.yaml', cluster, { namespace: 'default' }).results;
      const { outcome, state, node } = r?.verdict ?? ({} as Verdict);
      assert.deepEqual({ outcome, node, ...(state ? { state } : {}) }, c.want);
    });
});
