// policy/check_hostProbesAndhostLifecycle.go: baseline from v1.34; probes and lifecycle handlers must not set
// httpGet.host or tcpSocket.host.
import type { Container, ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import {
  ALLOWED,
  type Check,
  type CheckResult,
  forbidden,
  joinQuote,
  pluralize,
  sortedSet,
  visitContainers,
} from '../check';

type Handler = { httpGet?: { host?: string }; tcpSocket?: { host?: string } } | undefined;

function hostsOf(handler: Handler, path: Segment[], fields: Segment[][]): string[] {
  const hosts: string[] = [];
  if (handler?.httpGet?.host) {
    hosts.push(handler.httpGet.host);
    fields.push([...path, 'httpGet', 'host']);
  }
  if (handler?.tcpSocket?.host) {
    hosts.push(handler.tcpSocket.host);
    fields.push([...path, 'tcpSocket', 'host']);
  }
  return hosts;
}

function handlersOf(c: Container, path: Segment[]): [Handler, Segment[]][] {
  return [
    [c.livenessProbe, [...path, 'livenessProbe']],
    [c.readinessProbe, [...path, 'readinessProbe']],
    [c.startupProbe, [...path, 'startupProbe']],
    [c.lifecycle?.postStart, [...path, 'lifecycle', 'postStart']],
    [c.lifecycle?.preStop, [...path, 'lifecycle', 'preStop']],
  ];
}

function hostProbesAndHostLifecycle_1_34(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const hosts: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    for (const [handler, at] of handlersOf(c, path)) {
      const found = hostsOf(handler, at, fields);
      if (found.length > 0) {
        bad.push(c.name);
        hosts.push(...found);
      }
    }
  });
  if (bad.length === 0) return ALLOWED;
  const containers = sortedSet(bad);
  const hostList = sortedSet(hosts);
  return forbidden(
    'probe or lifecycle host',
    `${pluralize('container', 'containers', containers.length)} ${joinQuote(containers)} ${pluralize('uses', 'use', containers.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hostList.length)} ${joinQuote(hostList)}`,
    fields,
  );
}

export const hostProbesAndHostLifecycle: Check = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  versions: [{ minimumVersion: 34, checkPod: hostProbesAndHostLifecycle_1_34 }],
};
