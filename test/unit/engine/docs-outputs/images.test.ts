import { ALL_TRUE, type DocCase, assertDocCase, simulateDocCase } from './doc-case';

// "Images", image pull policy. Messages are kubernetes/kubernetes pkg/kubelet/images/image_manager.go
// EnsureImageExists (`Container image %q already present on machine`, `Container image %q is not present with pull
// policy of Never`, event reason ErrImageNeverPull) and kuberuntime_container.go startContainer (`Error: <reason>`).

const IMAGES = 'https://kubernetes.io/docs/concepts/containers/images/';

const cases: DocCase[] = [
  {
    name: 'imagePullPolicy Never with the image absent: startup fails with ErrImageNeverPull',
    url: `${IMAGES}#image-pull-policy`,
    fixture: 'image-pull-never/pod.yaml',
    phase: 'Pending',
    events: [
      ['Warning', 'ErrImageNeverPull', 'Container image "nginx:1.25" is not present with pull policy of Never'],
      ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
    ],
    noEvents: ['Pulling', 'Created', 'Started'],
    containers: [
      {
        name: 'web',
        state: 'waiting',
        reason: 'ErrImageNeverPull',
        message: 'Container image "nginx:1.25" is not present with pull policy of Never',
        ready: false,
      },
    ],
  },
  {
    name: 'a tag other than latest defaults to IfNotPresent: the cached image is used',
    url: `${IMAGES}#imagepullpolicy-defaulting`,
    fixture: 'image-tag-ifnotpresent/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine'],
      ['Normal', 'Created', 'Created container: web'],
      ['Normal', 'Started', 'Started container web'],
    ],
    noEvents: ['Pulling'],
    conditions: ALL_TRUE,
  },
];

describe('docs outputs: images', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
