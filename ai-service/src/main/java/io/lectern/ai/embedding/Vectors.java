package io.lectern.ai.embedding;

import java.util.List;
import java.util.Locale;

/** Vector helpers: pgvector literals, cosine, normalisation. */
public final class Vectors {

    private Vectors() {}

    public static String literal(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.6f", v[i]));
        }
        return sb.append(']').toString();
    }

    public static float[] parse(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        String[] parts = body.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    public static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = n == 0 ? 0 : (float) (v[i] / n);
        }
        return out;
    }

    public static float[] mean(List<float[]> vs) {
        float[] sum = new float[vs.getFirst().length];
        for (float[] v : vs) {
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        return normalize(sum);
    }
}
