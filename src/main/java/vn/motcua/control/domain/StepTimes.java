package vn.motcua.control.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the recorded history says about a procedure's internal process: for each step, how long it really took
 * (working minutes, the time the dossier waited for a supplement left out) against the time allotted — median, 90th
 * percentile, share over the allotted time — overall and per unit; and how far each step could be shortened without
 * raising its share late: to the duration within which today's on-time share of the dossiers finished it, rounded up
 * to half an hour. The cuts are then taken largest first until the process is {@code targetPercent} shorter.
 */
public final class StepTimes {
    private static final long HALF_HOUR = 30;

    private StepTimes() {
    }

    /** One step of one dossier as the history shows it. */
    public record Span(int step, long agencyId, long workingMinutes) {
    }

    /** A step of the process with the time allotted to it. */
    public record Allotted(int step, String name, long minutes) {
    }

    public record Figures(int count, long medianMinutes, long p90Minutes, BigDecimal lateShare) {
    }

    public record StepResult(Allotted step, Figures all, Map<Long, Figures> byAgency, long proposedMinutes, boolean proposed) {
        public long cutMinutes() {
            return proposed ? step.minutes() - proposedMinutes : 0;
        }
    }

    public record Analysis(List<StepResult> steps, long allottedMinutes, long cutMinutes, BigDecimal cutPercent, boolean reachesTarget,
                           int dossiers) {
    }

    public static Analysis analyse(List<Allotted> process, List<Span> spans, BigDecimal targetPercent, int dossiers) {
        Map<Integer, List<Span>> byStep = new TreeMap<>();
        for (Span s : spans) {
            byStep.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(s);
        }
        long total = process.stream().mapToLong(Allotted::minutes).sum();
        // the largest possible cut of each step
        List<long[]> candidates = new ArrayList<>();
        Map<Integer, Long> possible = new LinkedHashMap<>();
        for (Allotted a : process) {
            List<Span> list = byStep.getOrDefault(a.step(), List.of());
            if (list.size() < 5 || a.minutes() <= HALF_HOUR) {
                continue; // too few dossiers to learn from, or nothing to cut
            }
            long[] sorted = list.stream().mapToLong(Span::workingMinutes).sorted().toArray();
            long late = list.stream().filter(s -> s.workingMinutes() > a.minutes()).count();
            double onTimeShare = 1.0 - (double) late / sorted.length;
            long within = quantile(sorted, onTimeShare);
            long proposed = Math.max(HALF_HOUR, roundUp(within));
            if (proposed < a.minutes()) {
                possible.put(a.step(), proposed);
                candidates.add(new long[]{a.step(), a.minutes() - proposed});
            }
        }
        candidates.sort(Comparator.comparingLong((long[] c) -> c[1]).reversed());
        long needed = targetPercent.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValue();
        long cut = 0;
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (long[] c : candidates) {
            if (cut >= needed) {
                break;
            }
            chosen.add((int) c[0]);
            cut += c[1];
        }
        List<StepResult> out = new ArrayList<>();
        for (Allotted a : process) {
            List<Span> list = byStep.getOrDefault(a.step(), List.of());
            Map<Long, List<Span>> perAgency = new TreeMap<>();
            list.forEach(s -> perAgency.computeIfAbsent(s.agencyId(), k -> new ArrayList<>()).add(s));
            Map<Long, Figures> figures = new LinkedHashMap<>();
            perAgency.forEach((agency, l) -> figures.put(agency, figures(l, a.minutes())));
            boolean proposed = chosen.contains(a.step());
            out.add(new StepResult(a, figures(list, a.minutes()), figures, proposed ? possible.get(a.step()) : a.minutes(), proposed));
        }
        BigDecimal percent = total == 0 ? null
                : BigDecimal.valueOf(cut).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new Analysis(out, total, cut, percent, percent != null && percent.compareTo(targetPercent) >= 0, dossiers);
    }

    static Figures figures(List<Span> list, long allotted) {
        if (list.isEmpty()) {
            return new Figures(0, 0, 0, null);
        }
        long[] sorted = list.stream().mapToLong(Span::workingMinutes).sorted().toArray();
        long late = list.stream().filter(s -> s.workingMinutes() > allotted).count();
        return new Figures(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.9),
                BigDecimal.valueOf(late * 100).divide(BigDecimal.valueOf(sorted.length), 2, RoundingMode.HALF_UP));
    }

    /** The nearest-rank quantile of sorted values (q between 0 and 1). */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static long roundUp(long minutes) {
        return (minutes + HALF_HOUR - 1) / HALF_HOUR * HALF_HOUR;
    }
}
