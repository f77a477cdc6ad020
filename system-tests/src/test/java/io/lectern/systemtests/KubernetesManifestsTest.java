package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The optional Kubernetes base keeps the same promises as compose: probes, limits, non-root, read-only root. */
class KubernetesManifestsTest {

    static final Path BASE = Path.of("..").toAbsolutePath().normalize().resolve("k8s-optional/base");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> deployments() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> kustomization = new Yaml().load(Files.readString(BASE.resolve("kustomization.yaml")));
        for (String file : (List<String>) kustomization.get("resources")) {
            for (Object doc : new Yaml().loadAll(Files.readString(BASE.resolve(file)))) {
                Map<String, Object> m = (Map<String, Object>) doc;
                if ("Deployment".equals(m.get("kind"))) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAppIsProbedLimitedNonRootAndReadOnly() throws IOException {
        List<Map<String, Object>> deployments = deployments();
        assertThat(deployments)
                .extracting(d -> ((Map<String, Object>) d.get("metadata")).get("name"))
                .containsExactlyInAnyOrder(
                        "identity", "content", "learning", "ai", "billing", "notify", "gateway", "web");
        for (Map<String, Object> d : deployments) {
            Map<String, Object> pod = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) d.get("spec")).get("template")).get("spec");
            assertThat((Map<String, Object>) pod.get("securityContext")).containsEntry("runAsNonRoot", true);
            for (Map<String, Object> c : (List<Map<String, Object>>) pod.get("containers")) {
                assertThat(c).containsKeys("livenessProbe", "readinessProbe", "startupProbe");
                assertThat((Map<String, Object>) ((Map<String, Object>) c.get("resources")).get("limits"))
                        .containsKey("memory");
                assertThat((Map<String, Object>) c.get("securityContext"))
                        .containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false);
            }
        }
    }
}
