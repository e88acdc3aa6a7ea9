// policy/check_procMount_restricted.go (v0.35+): from policy version v1.35 baseline lets a pod in its own user
// namespace unmask /proc, so restricted runs the unconditional v1.0 check under its own ID and drops baseline's.
import { type Check } from '../check';
import { procMount_1_0 } from './proc-mount';

export const procMountRestricted: Check = {
  id: 'procMount_restricted',
  level: 'restricted',
  versions: [{ minimumVersion: 35, checkPod: procMount_1_0, overrideCheckIDs: ['procMount'] }],
};
