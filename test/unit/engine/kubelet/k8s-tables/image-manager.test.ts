// kubernetes/kubernetes pkg/kubelet/images/image_manager_test.go pullerTestCases (noFGPullerTestCases): pull policy
// × image presence → the image manager's events and error. Presence is the node's image list. The `Warning Failed
// Error: <reason>` event that startContainer adds after an image error is not the image manager's, so it is left out
// of the comparison. Cases that need a runtime failure (inspect error, 404 pull, QPS limit, signature validation and
// the back-off they lead to) are not ported: the simulation assumes the runtime and registry answer. Also
// TestApplyDefaultImageTag.
import assert from 'node:assert/strict';
import { applyDefaultImageTag } from '../../../../../src/engine/k8s/image-reference';
import { ensureImage } from '../../../../../src/engine/kubelet/images';
import { Trace } from '../../../../../src/engine/kubelet/trace';
import { cluster, container, node, pod } from '../builders';

const PRESENT = 'present_image';

interface Case {
  testName: string;
  containerImage: string;
  policy: 'Always' | 'IfNotPresent' | 'Never';
  error: string | null;
  events: [reason: string, message: string][];
}

const invalid = (image: string, parseError: string): [string, string] => [
  'InspectFailed',
  `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parseError}`,
];
const SHA = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

const cases: Case[] = [
  {
    testName: 'image missing, pull',
    containerImage: 'missing_image',
    policy: 'IfNotPresent',
    error: null,
    events: [
      ['Pulling', 'Pulling image "missing_image"'],
      ['Pulled', 'Successfully pulled image "missing_image"'],
    ],
  },
  {
    testName: "image present, allow all, don't pull ",
    containerImage: PRESENT,
    policy: 'IfNotPresent',
    error: null,
    events: [['Pulled', 'Container image "present_image" already present on machine']],
  },
  {
    testName: 'image present, pull',
    containerImage: PRESENT,
    policy: 'Always',
    error: null,
    events: [
      ['Pulling', 'Pulling image "present_image"'],
      ['Pulled', 'Successfully pulled image "present_image"'],
    ],
  },
  {
    testName: 'image missing, never pull',
    containerImage: 'missing_image',
    policy: 'Never',
    error: 'ErrImageNeverPull',
    events: [['ErrImageNeverPull', 'Container image "missing_image" is not present with pull policy of Never']],
  },
  {
    testName: 'invalid image name, no pull',
    containerImage: 'FAILED_IMAGE',
    policy: 'Always',
    error: 'InvalidImageName',
    events: [
      invalid('FAILED_IMAGE', 'invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase'),
    ],
  },
  {
    testName: 'invalid image name with http, no pull',
    containerImage: 'http://url',
    policy: 'Always',
    error: 'InvalidImageName',
    events: [invalid('http://url', 'invalid reference format')],
  },
  {
    testName: 'invalid image name with sha256, no pull',
    containerImage: SHA,
    policy: 'Always',
    error: 'InvalidImageName',
    events: [invalid(SHA, `invalid repository name (${SHA}), cannot specify 64-byte hexadecimal strings`)],
  },
];

describe('images image_manager_test.go pullerTestCases', () => {
  for (const c of cases)
    it(`TestParallelPuller "${c.testName}"`, () => {
      const n = node({ images: [`docker.io/library/${PRESENT}:latest`] });
      const trace = new Trace();
      const target = {
        container: container({ image: c.containerImage, imagePullPolicy: c.policy }),
        object: 'spec.containers{app}',
        segments: ['spec', 'containers', 0],
      };
      const got = ensureImage(pod(), n, cluster([], [n]), trace, target, 0);
      assert.equal(got.ok ? null : got.reason, c.error);
      const events = trace.events
        .filter((e) => !(e.reason === 'Failed' && e.message.startsWith('Error: ')))
        .map((e) => [e.reason, e.message]);
      assert.equal(events.length, c.events.length, JSON.stringify(events));
      // The pull's duration and size in the Pulled message are estimates; its start is compared.
      for (const [i, [reason, message]] of c.events.entries()) {
        assert.equal(events[i]?.[0], reason);
        assert.ok(events[i]?.[1]?.startsWith(message), `${events[i]?.[1]} starts with ${message}`);
      }
    });
});

// image_manager_test.go TestApplyDefaultImageTag: a name without tag or digest gets `:latest`; the rest is kept.
describe('images image_manager_test.go TestApplyDefaultImageTag', () => {
  const DIGEST = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  const cases: [testName: string, input: string, output: string][] = [
    ['root', 'root', 'root:latest'],
    ['root:tag', 'root:tag', 'root:tag'],
    ['root@sha', `root@${DIGEST}`, `root@${DIGEST}`],
    ['root:latest@sha', `root:latest@${DIGEST}`, `root:latest@${DIGEST}`],
    ['root:latest', 'root:latest', 'root:latest'],
  ];
  for (const [testName, input, output] of cases)
    it(`TestApplyDefaultImageTag "${testName}"`, () => {
      const got = applyDefaultImageTag(input);
      assert.equal(got.ok ? got.image : got.error, output);
    });
});
