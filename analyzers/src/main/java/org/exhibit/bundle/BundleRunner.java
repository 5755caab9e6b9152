package org.exhibit.bundle;

import org.exhibit.analysis.Analysis;
import org.exhibit.analysis.AnalysisContext;
import org.exhibit.analysis.Analyses;
import org.exhibit.analysis.ParameterException;
import org.exhibit.analysis.Progress;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.InputProblem;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.ModelUse;
import org.exhibit.evidence.Report;
import org.exhibit.evidence.ToolInfo;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a bundle: verifies the bag (refusing to go on if anything changed), opens the manifest, runs each
 * analysis step (in parallel with {@code jobs} > 1; results keep the manifest's order), evaluates the policy
 * checks, and assembles one {@link Report}. The report's time is the bundle's recorded date, so the same bundle
 * gives the same bytes on every run.
 */
public final class BundleRunner {

    static final Method INTEGRITY = new Method("BagIt bag verification", "1",
            "RFC 8493 (BagIt 1.0); every file re-hashed against the payload and tag manifests; manifests read with "
                    + "gov.loc:bagit 5.2.0");

    /** The outcome: the report, and whether every policy check passed. */
    public record Run(Report report, List<Finding> checks) {
        public boolean policyPassed() {
            return checks.stream().allMatch(Policy::passed);
        }

        /** Whether every analysis ran and every input was read: otherwise a question the case asks stays open. */
        public boolean complete() {
            return report.problems().isEmpty() && report.findings().stream()
                    .noneMatch(f -> f.rule().equals(org.exhibit.report.JUnitXmlWriter.ANALYSIS_FAILED_RULE));
        }
    }

    private BundleRunner() {
    }

    public static Run run(Path bundleDir, Limits limits, int jobs, Progress progress)
            throws InputException, IOException, InterruptedException {
        Path root = bundleDir.normalize();
        progress.event("verify", "re-hashing every file of " + Inputs.displayPath(root));
        BagCheck.Result bag = BagCheck.verify(root, f -> progress.event("verify", f));
        if (!bag.intact()) {
            throw new BundleAlteredException(root, bag);
        }
        Bundle bundle = Bundle.open(root, limits);
        List<Finding> findings = new ArrayList<>();
        findings.add(integrity(bag));
        List<Map<String, Object>> analyses = new ArrayList<>();
        List<ModelUse> models = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        List<StepResult> results = runSteps(bundle.steps(), limits, Math.max(1, jobs), progress);
        for (int i = 0; i < results.size(); i++) {
            Bundle.PlannedStep s = bundle.steps().get(i);
            StepResult r = results.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", s.id());
            entry.put("analysis", s.analysis().name());
            entry.put("question", s.analysis().question());
            entry.put("method", s.analysis().method());
            if (s.analysis().conclusionRule() != null) {
                entry.put("conclusionRule", s.analysis().conclusionRule());
            }
            Map<String, List<String>> inputs = new TreeMap<>();
            s.inputs().forEach((role, list) -> inputs.put(role, list.stream().map(in -> in.exhibit().path()).toList()));
            entry.put("inputs", inputs);
            entry.put("params", s.params());
            entry.put("firstFinding", findings.size());
            entry.put("findings", r.findings().size());
            analyses.add(entry);
            findings.addAll(r.findings());
            r.models().stream().filter(m -> !models.contains(m)).forEach(models::add);
            r.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        List<Finding> checks = new ArrayList<>();
        for (CaseManifest.Check c : bundle.manifest().checks()) {
            checks.add(Policy.evaluate(c, findings));
        }
        findings.addAll(checks);
        Map<String, Object> options = new TreeMap<>();
        options.put("bundle", bundleInfo(root, bag));
        options.put("manifest", bundle.manifest());
        options.put("analyses", analyses);
        options.put("maxPixels", limits.maxPixels());
        options.put("maxFileBytes", limits.maxFileBytes());
        List<Exhibit> exhibits = bundle.exhibits().stream().map(AnalysisContext.Input::exhibit).toList();
        Report report = new Report(Report.SCHEMA, bundle.manifest().caseName(), ToolInfo.current(),
                bundle.manifest().date(), options, exhibits, findings, models, problems);
        progress.event("report", findings.size() + " findings, " + checks.size() + " policy checks");
        return new Run(report, checks);
    }

    private record StepResult(List<Finding> findings, List<ModelUse> models, List<InputProblem> problems) {
    }

    private static List<StepResult> runSteps(List<Bundle.PlannedStep> steps, Limits limits, int jobs, Progress progress)
            throws InputException, IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, steps.size())));
        try {
            List<Future<StepResult>> futures = new ArrayList<>();
            int n = 0;
            for (Bundle.PlannedStep s : steps) {
                String counter = "(" + ++n + "/" + steps.size() + ") ";
                futures.add(pool.submit(() -> runStep(s, limits, progress, counter)));
            }
            List<StepResult> results = new ArrayList<>();
            for (Future<StepResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IOException(c.getMessage(), c);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one step. An input an analyzer cannot read becomes an inconclusive finding, not a failed run. */
    private static StepResult runStep(Bundle.PlannedStep s, Limits limits, Progress progress, String counter)
            throws Exception {
        AnalysisContext c = new AnalysisContext(s.id(), CaseManifest.FILE_NAME, s.inputs(), s.params(), limits, progress);
        long t0 = System.nanoTime();
        progress.event(s.id(), counter + "started: " + s.analysis().question());
        List<Finding> findings;
        try {
            findings = Analyses.run(s.analysis(), c).findings();
        } catch (InputException | ParameterException e) {
            findings = List.of(Finding.builder("bundle", org.exhibit.report.JUnitXmlWriter.ANALYSIS_FAILED_RULE, INTEGRITY)
                    .verdict(Verdict.INCONCLUSIVE)
                    .statement("Analysis '" + s.id() + "' could not run: " + e.getMessage())
                    .data("analysis", s.analysis().name())
                    .limitation("The question this analysis answers stays open.")
                    .build());
        }
        progress.event(s.id(), counter + "done: " + findings.size() + " findings in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return new StepResult(findings, c.models(), c.problems());
    }

    private static Finding integrity(BagCheck.Result bag) {
        return Finding.builder("bundle", "bundle.integrity", INTEGRITY)
                .verdict(Verdict.INFO)
                .statement("All " + bag.files() + " files of the bundle match the SHA-256 hashes recorded when it was "
                        + "sealed; none is missing and none was added.")
                .measure("files verified", bag.files(), "files")
                .measure("payload", bag.bytes(), "bytes")
                .data("bundleHash", bag.bundleHash())
                .limitation("A sealed bundle shows the files have not changed since sealing; it cannot show they were "
                        + "authentic when sealed. The provenance notes speak to that.")
                .build();
    }

    private static Map<String, Object> bundleInfo(Path root, BagCheck.Result bag) {
        Map<String, Object> m = new TreeMap<>();
        // the folder's name only: the report must not change with where the bundle is kept
        m.put("name", String.valueOf(root.toAbsolutePath().normalize().getFileName()));
        m.put("sha256", bag.bundleHash());
        m.put("hashOf", Bags.TAG_MANIFEST);
        m.put("files", bag.files());
        m.put("payloadBytes", bag.bytes());
        return m;
    }
}
