package io.lectern.bench.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic (seeded) technical-blog text: titles from templates over ~80 topics, bodies of 6 to 18
 * paragraphs mixing the post's topic words, words of other topics and plain English, with inflected
 * verbs (configure/configured/configuring) so English stemming has work to do. Same seed, same posts.
 */
final class Corpus {

    static final String[] TOPICS = {
        "kubernetes",
        "postgresql",
        "redis",
        "kafka",
        "rust",
        "golang",
        "java",
        "kotlin",
        "python",
        "typescript",
        "react",
        "svelte",
        "graphql",
        "grpc",
        "docker",
        "terraform",
        "ansible",
        "nginx",
        "envoy",
        "istio",
        "prometheus",
        "grafana",
        "opentelemetry",
        "elasticsearch",
        "clickhouse",
        "cassandra",
        "mongodb",
        "sqlite",
        "webassembly",
        "linux",
        "systemd",
        "ebpf",
        "tcp",
        "http2",
        "quic",
        "tls",
        "oauth",
        "jwt",
        "webauthn",
        "spring",
        "hibernate",
        "flyway",
        "gradle",
        "maven",
        "bazel",
        "git",
        "github",
        "jenkins",
        "argocd",
        "helm",
        "serverless",
        "lambda",
        "s3",
        "cdn",
        "dns",
        "bgp",
        "raft",
        "paxos",
        "crdt",
        "vectorclock",
        "btree",
        "lsm",
        "bloomfilter",
        "hyperloglog",
        "transformer",
        "embedding",
        "tokenizer",
        "pytorch",
        "numpy",
        "pandas",
        "spark",
        "flink",
        "airflow",
        "dbt",
        "parquet",
        "arrow",
        "duckdb",
        "zig",
        "haskell",
        "elixir"
    };

    static final String[] NOUNS = {
        "cluster",
        "index",
        "query",
        "cache",
        "replica",
        "partition",
        "scheduler",
        "migration",
        "deployment",
        "pipeline",
        "latency",
        "throughput",
        "benchmark",
        "allocator",
        "compiler",
        "runtime",
        "thread",
        "lock",
        "transaction",
        "schema",
        "consumer",
        "producer",
        "queue",
        "stream",
        "snapshot",
        "backup",
        "failover",
        "container",
        "sidecar",
        "proxy",
        "gateway",
        "certificate",
        "token",
        "session",
        "checkpoint",
        "shard",
        "vector",
        "tensor",
        "gradient",
        "closure",
        "iterator",
        "macro",
        "trait",
        "interface",
        "module",
        "plugin"
    };

    static final String[][] VERBS = {
        {"configure", "configured", "configuring"},
        {"deploy", "deployed", "deploying"},
        {"migrate", "migrated", "migrating"},
        {"optimize", "optimized", "optimizing"},
        {"debug", "debugged", "debugging"},
        {"refactor", "refactored", "refactoring"},
        {"benchmark", "benchmarked", "benchmarking"},
        {"schedule", "scheduled", "scheduling"},
        {"replicate", "replicated", "replicating"},
        {"partition", "partitioned", "partitioning"},
        {"index", "indexed", "indexing"},
        {"cache", "cached", "caching"},
        {"compile", "compiled", "compiling"},
        {"monitor", "monitored", "monitoring"},
        {"secure", "secured", "securing"},
        {"scale", "scaled", "scaling"},
        {"serialize", "serialized", "serializing"},
        {"profile", "profiled", "profiling"},
        {"upgrade", "upgraded", "upgrading"},
        {"test", "tested", "testing"}
    };

    static final String[] COMMON = {
        "the",
        "a",
        "we",
        "our",
        "team",
        "production",
        "first",
        "then",
        "after",
        "because",
        "when",
        "every",
        "simple",
        "small",
        "large",
        "slow",
        "fast",
        "memory",
        "disk",
        "network",
        "service",
        "request",
        "error",
        "problem",
        "solution",
        "approach",
        "result",
        "week",
        "month",
        "users",
        "data",
        "code",
        "review",
        "design",
        "trade-off",
        "surprisingly",
        "finally",
        "carefully",
        "quickly",
        "without",
        "with",
        "instead",
        "of",
        "in"
    };

    private static final String[] TITLES = {
        "Understanding %s %s", "How we %s our %s %s", "A gentle introduction to %s", "%s %s in practice",
        "Why our %s %s was slow", "%s %s: lessons learned", "Debugging a %s %s at 3am", "%s versus %s for %s",
        "Ten things about %s %s", "Building a %s %s from scratch"
    };

    record Post(String slug, String title, List<String> tags, String markdown, boolean premium) {}

    private final Random random;

    Corpus(long seed) {
        this.random = new Random(seed);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    Post post(int n) {
        String topic = pick(TOPICS);
        String other = pick(TOPICS);
        String noun = pick(NOUNS);
        String[] verb = VERBS[random.nextInt(VERBS.length)];
        String template = TITLES[random.nextInt(TITLES.length)];
        String title = switch (template.split("%s", -1).length - 1) {
            case 1 -> template.formatted(topic);
            case 2 -> template.formatted(topic, noun);
            default ->
                template.startsWith("How we")
                        ? template.formatted(verb[1], topic, noun)
                        : template.formatted(topic, other, noun);
        };
        title = Character.toUpperCase(title.charAt(0)) + title.substring(1) + " (" + n + ")";
        StringBuilder md = new StringBuilder();
        int paragraphs = 6 + random.nextInt(13);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0 && random.nextInt(5) == 0) {
                md.append("## ")
                        .append(capital(pick(VERBS[random.nextInt(VERBS.length)])))
                        .append(' ')
                        .append(random.nextBoolean() ? topic : other)
                        .append(' ')
                        .append(pick(NOUNS))
                        .append("\n\n");
            }
            int sentences = 3 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                md.append(sentence(topic, noun)).append(' ');
            }
            md.append("\n\n");
            if (random.nextInt(8) == 0) {
                md.append("```\n")
                        .append(topic)
                        .append(".")
                        .append(verb[0])
                        .append("(")
                        .append(noun)
                        .append(");\n```\n\n");
            }
        }
        List<String> tags = new ArrayList<>(List.of(topic));
        if (random.nextBoolean()) {
            tags.add(other);
        }
        return new Post(
                "post-" + n,
                title,
                tags.stream().distinct().toList(),
                md.toString().strip(),
                random.nextInt(10) == 0);
    }

    private String sentence(String topic, String noun) {
        int words = 8 + random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int kind = random.nextInt(10);
            String word = switch (kind) {
                case 0 -> topic;
                case 1 -> noun;
                case 2 -> pick(NOUNS);
                case 3 -> VERBS[random.nextInt(VERBS.length)][random.nextInt(3)];
                case 4 -> random.nextInt(4) == 0 ? pick(TOPICS) : pick(COMMON);
                default -> pick(COMMON);
            };
            s.append(w == 0 ? capital(word) : word).append(' ');
        }
        return s.toString().strip() + ".";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Queries by kind: words of one title, one body word, a stemmed form never written as such, several words. */
    List<String[]> queries(List<Post> posts, int count) {
        List<String[]> out = new ArrayList<>();
        String[] stemmed = {
            "configures",
            "deploys",
            "migrations",
            "optimizes",
            "debugs",
            "refactors",
            "benchmarks",
            "schedules",
            "replicas",
            "partitions",
            "indexes",
            "caches",
            "compiles",
            "monitors",
            "scales",
            "profiles",
            "upgrades",
            "tests",
            "clusters",
            "queries",
            "schedulers",
            "deployments",
            "transactions",
            "streams"
        };
        for (int i = 0; i < count; i++) {
            String kind;
            String q;
            switch (i % 4) {
                case 0 -> {
                    kind = "title";
                    String[] words = posts.get(random.nextInt(posts.size()))
                            .title()
                            .replaceAll("[^A-Za-z0-9 ]", " ")
                            .trim()
                            .split("\\s+");
                    q = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
                }
                case 1 -> {
                    kind = "body";
                    q = random.nextBoolean() ? pick(NOUNS) : pick(TOPICS);
                }
                case 2 -> {
                    kind = "stemmed";
                    q = stemmed[random.nextInt(stemmed.length)];
                }
                default -> {
                    kind = "multi";
                    q = pick(TOPICS) + " " + VERBS[random.nextInt(VERBS.length)][random.nextInt(3)] + " " + pick(NOUNS);
                }
            }
            out.add(new String[] {kind, q});
        }
        return out;
    }
}
