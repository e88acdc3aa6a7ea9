// The discovery.k8s.io/v1 EndpointSlice as the EndpointSlice controller writes it (k8s.io/api discovery/v1
// types.go): what the controller builds, the topology cache annotates, kube-proxy and DNS read, and describe prints.

export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface EndpointHints {
  forZones?: { name: string }[];
  forNodes?: { name: string }[];
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid?: string };
  nodeName?: string;
  zone?: string;
  hints?: EndpointHints;
}

export interface SlicePort {
  name: string;
  protocol: string;
  port: number;
  appProtocol?: string;
}

export type EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  metadata: {
    /** The API server appends 5 random characters: `web-` becomes e.g. `web-x7k2p`. */
    generateName: string;
    namespace: string;
    labels: Record<string, string>;
    ownerReferences: {
      apiVersion: 'v1';
      kind: 'Service';
      name: string;
      uid?: string;
      controller: true;
      blockOwnerDeletion: true;
    }[];
  };
  addressType: string;
  ports: SlicePort[];
  endpoints: SliceEndpoint[];
};
