using System.Text;

namespace Tandem.Bench.Model;

/// <summary>A realistic pod of about 200 lines: an app, two sidecars, an init container, probes, env, volumes.</summary>
internal static class BenchManifest
{
    public static string Create()
    {
        var yaml = new StringBuilder("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: shop
              namespace: default
              labels: {app: shop, tier: web, team: payments}
              annotations:
                description: a web shop with a proxy and a log shipper
            spec:
              restartPolicy: Always
              terminationGracePeriodSeconds: 30
              volumes:
              - name: logs
                emptyDir: {sizeLimit: 256Mi}
              - name: tls
                secret: {secretName: shop-tls, defaultMode: 0400}
              - name: config
                configMap:
                  name: shop-config
                  items:
                  - {key: app.yaml, path: app.yaml}
                  - {key: proxy.yaml, path: proxy.yaml}
              - name: podinfo
                downwardAPI:
                  items:
                  - path: labels
                    fieldRef: {fieldPath: metadata.labels}
              initContainers:
              - name: migrate
                image: registry.local/shop-migrate:2.4.1
                command: [/bin/migrate, --database, $(DATABASE_URL)]
                env:
                - name: DATABASE_URL
                  valueFrom:
                    secretKeyRef: {name: shop-db, key: url}
                resources:
                  limits: {cpu: 200m, memory: 128Mi}

            """);
        foreach (var (name, port) in new[] { ("proxy", 8443), ("shipper", 9100) })
        {
            yaml.Append($$$$"""
                  - name: {{{{name}}}}
                    image: registry.local/tandem:0.1.0
                    restartPolicy: Always
                    args: [{{{{name}}}}, --config, /etc/shop/{{{{name}}}}.yaml]
                    ports:
                    - {name: main, containerPort: {{{{port}}}}, protocol: TCP}
                    - {name: admin, containerPort: {{{{port + 1}}}}}
                    env:
                    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                    - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
                    - {name: CPU_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}}
                    startupProbe:
                      httpGet: {path: /ready, port: admin}
                      periodSeconds: 1
                      failureThreshold: 30
                    livenessProbe:
                      httpGet: {path: /live, port: admin}
                    readinessProbe:
                      httpGet: {path: /ready, port: admin}
                      periodSeconds: 5
                    lifecycle:
                      preStop:
                        sleep: {seconds: 5}
                    resources:
                      requests: {cpu: 50m, memory: 32Mi}
                      limits: {cpu: 500m, memory: 64Mi}
                    securityContext:
                      runAsNonRoot: true
                      runAsUser: 65532
                      readOnlyRootFilesystem: true
                      allowPrivilegeEscalation: false
                      capabilities: {drop: [ALL]}
                    volumeMounts:
                    - {name: config, mountPath: /etc/shop, readOnly: true}
                    - {name: logs, mountPath: /var/log/shop}
                    - {name: tls, mountPath: /etc/tls, readOnly: true}

                """);
        }
        yaml.Append("""
              containers:
              - name: app
                image: registry.local/shop:3.2.0
                command: [/app/shop]
                args: [--listen, 127.0.0.1:8080, --log-file, /var/log/shop/app.log]
                workingDir: /app
                ports:
                - {name: http, containerPort: 8080}
                env:
                - {name: MODE, value: production}
                - {name: GOMAXPROCS, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
                - {name: MEMORY_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
                - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                - {name: FEATURE_FLAGS, valueFrom: {configMapKeyRef: {name: shop-config, key: flags, optional: true}}}
                envFrom:
                - configMapRef: {name: shop-env}
                - prefix: DB_
                  secretRef: {name: shop-db}
                readinessProbe:
                  httpGet:
                    path: /healthz
                    port: http
                    httpHeaders:
                    - {name: X-Probe, value: readiness}
                  initialDelaySeconds: 2
                  periodSeconds: 5
                livenessProbe:
                  tcpSocket: {port: 8080}
                  failureThreshold: 5
                lifecycle:
                  postStart:
                    exec: {command: [/app/warmup]}
                  preStop:
                    httpGet: {path: /drain, port: http}
                resources:
                  requests: {cpu: 250m, memory: 256Mi, ephemeral-storage: 1Gi}
                  limits: {cpu: "1", memory: 512Mi, ephemeral-storage: 2Gi}
                securityContext:
                  runAsUser: 1000
                  runAsGroup: 1000
                volumeMounts:
                - {name: logs, mountPath: /var/log/shop}
                - {name: config, mountPath: /etc/shop/app.yaml, subPath: app.yaml, readOnly: true}
                - {name: podinfo, mountPath: /etc/podinfo, readOnly: true}
              securityContext:
                fsGroup: 2000
                supplementalGroups: [3000]
              hostAliases:
              - ip: 127.0.0.1
                hostnames: [shop.local]
              dnsConfig:
                options:
                - {name: ndots, value: "2"}
            """);
        return yaml.ToString();
    }
}
