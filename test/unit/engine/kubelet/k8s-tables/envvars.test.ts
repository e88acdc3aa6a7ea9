// kubernetes/kubernetes pkg/kubelet/envvars/envvars_test.go TestFromServices: the variables of each Service, in the
// order FromServices appends them; headless ("None") and empty cluster IPs give none. A Service declared in the
// workspace without a cluster IP gets one when applied, shown as the placeholder the Service stage uses.
import assert from 'node:assert/strict';
import type { KubeObject, Service } from '../../../../../src/engine/k8s/objects';
import { fromService, serviceEnvVars } from '../../../../../src/engine/kubelet/service-env';
import { cluster } from '../builders';

const svc = (name: string, clusterIP: string, ports: NonNullable<Service['spec']>['ports']): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector: { bar: 'baz' }, clusterIP, ports },
});

const fooBar = svc('foo-bar', '1.2.3.4', [{ port: 8080, protocol: 'TCP' }]);
const abc123 = svc('abc-123', '5.6.7.8', [
  { name: 'u-d-p', port: 8081, protocol: 'UDP' },
  { name: 't-c-p', port: 8081, protocol: 'TCP' },
]);
const quux = svc('q-u-u-x', '9.8.7.6', [
  { port: 8082, protocol: 'TCP' },
  { name: '8083', port: 8083, protocol: 'TCP' },
]);
const none = svc('svrc-clusterip-none', 'None', [{ port: 8082, protocol: 'TCP' }]);
const empty = svc('svrc-clusterip-empty', '', [{ port: 8082, protocol: 'TCP' }]);

describe('envvars_test.go TestFromServices', () => {
  it('TestFromServices "foo-bar": one unnamed TCP port', () =>
    assert.deepEqual(fromService(fooBar, '1.2.3.4'), [
      ['FOO_BAR_SERVICE_HOST', '1.2.3.4'],
      ['FOO_BAR_SERVICE_PORT', '8080'],
      ['FOO_BAR_PORT', 'tcp://1.2.3.4:8080'],
      ['FOO_BAR_PORT_8080_TCP', 'tcp://1.2.3.4:8080'],
      ['FOO_BAR_PORT_8080_TCP_PROTO', 'tcp'],
      ['FOO_BAR_PORT_8080_TCP_PORT', '8080'],
      ['FOO_BAR_PORT_8080_TCP_ADDR', '1.2.3.4'],
    ]));
  it('TestFromServices "abc-123": named UDP and TCP ports', () =>
    assert.deepEqual(fromService(abc123, '5.6.7.8'), [
      ['ABC_123_SERVICE_HOST', '5.6.7.8'],
      ['ABC_123_SERVICE_PORT', '8081'],
      ['ABC_123_SERVICE_PORT_U_D_P', '8081'],
      ['ABC_123_SERVICE_PORT_T_C_P', '8081'],
      ['ABC_123_PORT', 'udp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_UDP', 'udp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_UDP_PROTO', 'udp'],
      ['ABC_123_PORT_8081_UDP_PORT', '8081'],
      ['ABC_123_PORT_8081_UDP_ADDR', '5.6.7.8'],
      ['ABC_123_PORT_8081_TCP', 'tcp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_TCP_PROTO', 'tcp'],
      ['ABC_123_PORT_8081_TCP_PORT', '8081'],
      ['ABC_123_PORT_8081_TCP_ADDR', '5.6.7.8'],
    ]));
  it('TestFromServices "q-u-u-x": a port named with digits', () =>
    assert.deepEqual(fromService(quux, '9.8.7.6'), [
      ['Q_U_U_X_SERVICE_HOST', '9.8.7.6'],
      ['Q_U_U_X_SERVICE_PORT', '8082'],
      ['Q_U_U_X_SERVICE_PORT_8083', '8083'],
      ['Q_U_U_X_PORT', 'tcp://9.8.7.6:8082'],
      ['Q_U_U_X_PORT_8082_TCP', 'tcp://9.8.7.6:8082'],
      ['Q_U_U_X_PORT_8082_TCP_PROTO', 'tcp'],
      ['Q_U_U_X_PORT_8082_TCP_PORT', '8082'],
      ['Q_U_U_X_PORT_8082_TCP_ADDR', '9.8.7.6'],
      ['Q_U_U_X_PORT_8083_TCP', 'tcp://9.8.7.6:8083'],
      ['Q_U_U_X_PORT_8083_TCP_PROTO', 'tcp'],
      ['Q_U_U_X_PORT_8083_TCP_PORT', '8083'],
      ['Q_U_U_X_PORT_8083_TCP_ADDR', '9.8.7.6'],
    ]));
  it('TestFromServices: "svrc-clusterip-none" and "svrc-clusterip-empty" give no variables', () => {
    const got = serviceEnvVars(cluster([none, empty] as KubeObject[]), 'default', true);
    assert.deepEqual([...got.keys()], []);
  });
  it('a workspace Service without a cluster IP yet gets the placeholder the API server will fill', () => {
    const cl = cluster([empty] as KubeObject[]);
    cl.workspace.push(empty as KubeObject);
    const got = serviceEnvVars(cl, 'default', true);
    assert.equal(got.get('SVRC_CLUSTERIP_EMPTY_SERVICE_HOST'), '<clusterIP>');
  });
});
