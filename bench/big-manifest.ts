// A 1 MB manifest of about 1,900 documents, three in four of them pod-creating, in the proportions of the issue's
// measurement (1,901 documents, 1,384 simulated): per group a ConfigMap and the Service in front, a pod reading the
// ConfigMap, a Deployment and three bare pods.
const TARGET_BYTES = 1024 * 1024;
// Real manifests carry annotations (owners, runbooks, change causes); they bring the documents to a realistic size.
const NOTE =
  'Owned by the platform team. Runbook: https://runbooks.example.com/services/overview#restarts. Change cause: ' +
  'rolled out with the quarterly dependency update after the staging soak test passed; see the release notes ' +
  'for the list of changed images and the rollback procedure.';
const annotations = (indent: string) => `${indent}annotations:\n${indent}  description: "${NOTE}"\n`;

function group(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg-${i}
${annotations('  ')}data:
  GREETING: hello
---
apiVersion: v1
kind: Service
metadata:
  name: web-${i}
${annotations('  ')}spec:
  selector:
    app: web-${i}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
${annotations('  ')}  labels:
    app: web-${i}
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 80
      env:
        - name: GREETING
          valueFrom:
            configMapKeyRef:
              name: cfg-${i}
              key: GREETING
      readinessProbe:
        httpGet:
          path: /
          port: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api-${i}
${annotations('  ')}spec:
  replicas: 2
  selector:
    matchLabels:
      app: api-${i}
  template:
    metadata:
      labels:
        app: api-${i}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.${i}
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
${[0, 1, 2]
  .map(
    (k) => `---
apiVersion: v1
kind: Pod
metadata:
  name: worker-${i}-${k}
${annotations('  ')}  labels:
    app: worker-${i}
spec:
  containers:
    - name: worker
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
`,
  )
  .join('')}`;
}

export function bigManifest(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const g = (i === 0 ? '' : '---\n') + group(i);
    parts.push(g);
    size += g.length;
  }
  return parts.join('');
}

/** The manifest with one character changed in the `n`-th bare pod's name (a different pod each time). */
export function editAt(text: string, n: number): string {
  const name = `name: worker-${n * 7}-1\n`;
  const at = text.indexOf(name);
  if (at < 0) throw new Error(`no ${name.trim()} in the manifest`);
  return `${text.slice(0, at)}name: worker-${n * 7}-x\n${text.slice(at + name.length)}`;
}
