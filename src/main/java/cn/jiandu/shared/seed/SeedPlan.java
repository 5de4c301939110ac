package cn.jiandu.shared.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order of the seed steps: a topological order of their {@code after}/{@code before} relations, ties broken by
 * name so that every start runs them in the same order. Built once; refuses duplicates, unknown names and cycles.
 */
public final class SeedPlan {

    private final List<SeedStep> ordered;

    public SeedPlan(List<? extends SeedStep> steps) {
        Map<String, SeedStep> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (SeedStep s : steps) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                problems.add("two seed steps are named " + s.name());
            }
        }
        Map<String, Set<String>> successors = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        byName.keySet().forEach(n -> {
            successors.put(n, new TreeSet<>());
            pending.put(n, 0);
        });
        for (SeedStep s : byName.values()) {
            for (String before : s.after()) {
                edge(before, s.name(), s, byName, successors, pending, problems);
            }
            for (String after : s.before()) {
                edge(s.name(), after, s, byName, successors, pending, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Inconsistent seed steps: " + String.join("; ", problems));
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((n, count) -> {
            if (count == 0) {
                ready.add(n);
            }
        });
        List<SeedStep> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            out.add(byName.get(n));
            for (String next : successors.get(n)) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (out.size() < byName.size()) {
            Set<String> cyclic = new TreeSet<>(byName.keySet());
            out.forEach(s -> cyclic.remove(s.name()));
            throw new IllegalStateException("Seed steps in a cycle: " + cyclic);
        }
        this.ordered = List.copyOf(out);
    }

    private static void edge(String from, String to, SeedStep declaring, Map<String, SeedStep> byName,
            Map<String, Set<String>> successors, Map<String, Integer> pending, List<String> problems) {
        String other = from.equals(declaring.name()) ? to : from;
        if (!byName.containsKey(other)) {
            problems.add("seed step " + declaring.name() + " refers to " + other + ", which no module declares");
            return;
        }
        if (successors.get(from).add(to)) {
            pending.merge(to, 1, Integer::sum);
        }
    }

    public List<SeedStep> steps() {
        return ordered;
    }

    public List<String> names() {
        return ordered.stream().map(SeedStep::name).toList();
    }
}
